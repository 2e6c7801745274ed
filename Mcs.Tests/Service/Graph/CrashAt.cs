using Mcs.Orchestrator.Graph.Runtime;

namespace Mcs.Tests.Service.Graph;

/// <summary>Crashes (as <see cref="InjectedCrashException"/>) the next <paramref name="times"/> times a point is reached, optionally only at one node.</summary>
public sealed class CrashAt(string point, string? node = null, int times = 1) : ICrashInjector
{
    private int _remaining = times;

    public int Crashes { get; private set; }

    public void At(string point1, Guid runId, string node1)
    {
        if (point1 == point && (node is null || node == node1) && Interlocked.Decrement(ref _remaining) >= 0)
        {
            Crashes++;
            throw new InjectedCrashException($"crash at {point1} in {node1}");
        }
    }
}
