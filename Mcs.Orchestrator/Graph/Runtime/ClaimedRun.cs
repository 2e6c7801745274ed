namespace Mcs.Orchestrator.Graph.Runtime;

/// <summary>A run this replica just claimed, with its latest checkpoint; mutated by the runner as it advances.</summary>
internal sealed class ClaimedRun
{
    public required Guid RunId { get; init; }
    public required Guid LineageId { get; init; }
    public Guid? ParentRunId { get; init; }
    public required string GraphName { get; init; }
    public required int FlowVersion { get; init; }
    public required string BusinessKey { get; init; }
    public required long FencingToken { get; init; }
    public required int ClaimCount { get; set; }
    public ReplayMode? ReplayMode { get; init; }
    public bool NewEffectKeys { get; init; }
    public string? PreviousOwner { get; init; }
    public int Step { get; set; }
    public string? NextNode { get; set; }
    public int Attempt { get; set; }
    public DateTimeOffset? NotBefore { get; set; }
    public required string StateJson { get; set; }
    public required int StateSchemaVersion { get; set; }
    public string? ResumeDecisionJson { get; set; }
    public string? ResumedBy { get; set; }
    public NodeFailure? PreviousFailure { get; set; }
}
