namespace Mcs.Orchestrator.Graph.Runtime;

/// <summary>Everything one node commit writes (graph-engine.md §4.4 step 3), in one statement.</summary>
internal sealed record StepCommit
{
    public required Guid RunId { get; init; }
    public required string OwnerId { get; init; }
    public required long FencingToken { get; init; }
    public required int Step { get; init; }
    public required string Node { get; init; }
    public required int Attempt { get; init; }
    public required string? NextNode { get; init; }
    public required RunLifecycle Status { get; init; }
    public string? Outcome { get; init; }
    public required string StateJson { get; init; }
    public required int StateSchemaVersion { get; init; }
    public required string AuditKind { get; init; }
    public string? InputDigest { get; init; }
    public string? OutputJson { get; init; }
    public string? AuditDataJson { get; init; }
    public string? ErrorCode { get; init; }
    public string? ErrorMessage { get; init; }
    public bool ErrorRetryable { get; init; }
    public bool SetsError { get; init; }
    public required double DurationMs { get; init; }
    public IReadOnlyList<CompletedEffect> Effects { get; init; } = [];
    public Guid? InterruptId { get; init; }
    public string? InterruptKind { get; init; }
    public string? InterruptPayloadJson { get; init; }
    public string? GraphName { get; init; }
    public bool ReleaseLease { get; init; }
    public required DateTimeOffset Now { get; init; }
}
