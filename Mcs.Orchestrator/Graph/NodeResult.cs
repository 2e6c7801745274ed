using System.Text.Json;

namespace Mcs.Orchestrator.Graph;

/// <summary>What a node hands back to the engine.</summary>
public abstract record NodeResult<TState>
    where TState : class, IGraphState
{
    private NodeResult()
    {
    }

    /// <summary>The node finished; the declared edge or route of the node picks the next node from <paramref name="State"/>.</summary>
    public sealed record Continue(TState State) : NodeResult<TState>;

    /// <summary>
    /// Pause the run for a human (e.g. kind <c>order_review</c>). The run holds no lease while paused; a resume with a
    /// decision continues at the node the route picks from <paramref name="State"/>, which reads the decision through
    /// <see cref="NodeContext.ResumeValue{T}"/>. The pausing node never runs again.
    /// </summary>
    public sealed record Interrupt(TState State, string Kind, JsonElement Payload) : NodeResult<TState>;

    /// <summary>The node failed with a stable code; retried under the node's policy only when <paramref name="Retryable"/>.</summary>
    public sealed record Fail(string Code, string Message, bool Retryable) : NodeResult<TState>;
}

/// <summary>Factories that infer the state type: <c>return NodeResult.Continue(state with { ... });</c>.</summary>
public static class NodeResult
{
    public static NodeResult<TState> Continue<TState>(TState state)
        where TState : class, IGraphState => new NodeResult<TState>.Continue(state);

    public static NodeResult<TState> Interrupt<TState>(TState state, string kind, JsonElement payload)
        where TState : class, IGraphState => new NodeResult<TState>.Interrupt(state, kind, payload);

    public static NodeResult<TState> Fail<TState>(string code, string message, bool retryable = false)
        where TState : class, IGraphState => new NodeResult<TState>.Fail(code, message, retryable);

    public static Task<NodeResult<TState>> ContinueTask<TState>(TState state)
        where TState : class, IGraphState => Task.FromResult(Continue(state));
}
