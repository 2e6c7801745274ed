using System.Text.Json;

namespace Mcs.Orchestrator.Graph.Runtime;

/// <summary>The facts the runner hands to a <see cref="NodeContext"/>.</summary>
internal sealed record NodeContextData(
    Guid RunId,
    Guid LineageId,
    Guid? ParentRunId,
    string GraphName,
    int FlowVersion,
    string BusinessKey,
    string Node,
    int Step,
    int Attempt,
    long FencingToken,
    TimeProvider Clock,
    IServiceProvider Services,
    ReplayMode? ReplayMode,
    bool NewEffectKeys,
    JsonElement? ResumeDecision,
    string? ResumedBy,
    NodeFailure? PreviousFailure);

/// <summary>An effect settled in this attempt; the node's commit marks it succeeded with this response.</summary>
internal sealed record CompletedEffect(string EffectKey, string ResponseJson);
