namespace Mcs.Mocks.Dify;

/// <summary>A simulated model latency for unscripted runs, set by load tests through the admin API.</summary>
public sealed class DifyLatency
{
    private int _delayMs;

    public int DelayMs
    {
        get => Volatile.Read(ref _delayMs);
        set => Volatile.Write(ref _delayMs, Math.Max(0, value));
    }
}
