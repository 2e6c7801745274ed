namespace Mcs.Orchestrator.Graph.Runtime;

/// <summary>
/// Thrown by an <see cref="ICrashInjector"/> to stand for process death at a point: the runner lets it through
/// without recording anything, so the database looks exactly as after a crash there.
/// </summary>
public sealed class InjectedCrashException : Exception
{
    public InjectedCrashException()
        : base("Injected crash.")
    {
    }

    public InjectedCrashException(string message)
        : base(message)
    {
    }

    public InjectedCrashException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
