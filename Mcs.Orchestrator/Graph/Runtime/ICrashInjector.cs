namespace Mcs.Orchestrator.Graph.Runtime;

/// <summary>
/// Test hook: named points of the step loop where a test can throw or kill the process
/// (<c>after_effect_call</c>, <c>before_commit</c>, <c>after_commit</c>, ...). Production uses <see cref="NoCrashes"/>.
/// </summary>
public interface ICrashInjector
{
    void At(string point, Guid runId, string node);
}

/// <summary>The production injector: does nothing.</summary>
public sealed class NoCrashes : ICrashInjector
{
    public static NoCrashes Instance { get; } = new();

    public void At(string point, Guid runId, string node)
    {
    }
}
