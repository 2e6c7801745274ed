namespace Mcs.Orchestrator.Graph.Persistence;

/// <summary>Table <c>graph_run</c>: one row per run, the run's lifecycle, position and lease.</summary>
public sealed class GraphRunRow
{
    public Guid RunId { get; set; }
    public Guid LineageId { get; set; }
    public Guid? ParentRunId { get; set; }
    public int? ForkedFromStep { get; set; }
    public string GraphName { get; set; } = "";
    public int FlowVersion { get; set; }
    public string GraphFingerprint { get; set; } = "";
    public string BusinessKey { get; set; } = "";
    public string Status { get; set; } = "pending";
    public string? Outcome { get; set; }
    public int Step { get; set; }
    public string? NextNode { get; set; }
    public int Attempt { get; set; }
    public DateTimeOffset? NotBefore { get; set; }
    public string? OwnerId { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public long FencingToken { get; set; }
    public int ClaimCount { get; set; }
    public string? ReplayMode { get; set; }
    public bool NewEffectKeys { get; set; }
    public string? ErrorCode { get; set; }
    public string? ErrorMessage { get; set; }
    public string? ErrorNode { get; set; }
    public bool ErrorRetryable { get; set; }
    /// <summary>The step at which the error was routed to a failure node (that node reads it as its previous failure).</summary>
    public int? ErrorStep { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}
