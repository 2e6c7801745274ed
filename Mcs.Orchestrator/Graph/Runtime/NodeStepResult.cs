using System.Text.Json;

namespace Mcs.Orchestrator.Graph.Runtime;

/// <summary>A node's result without its state type, as the runner handles it.</summary>
internal abstract record NodeStepResult
{
    internal sealed record Continue(IGraphState State) : NodeStepResult;

    internal sealed record Interrupt(IGraphState State, string Kind, JsonElement Payload) : NodeStepResult;

    internal sealed record Fail(string Code, string Message, bool Retryable) : NodeStepResult;
}
