namespace Mcs.Orchestrator.Graph.Persistence;

/// <summary>Table <c>graph_audit</c>: one row per node attempt and per lifecycle event.</summary>
public sealed class GraphAuditRow
{
    public long Id { get; set; }
    public Guid RunId { get; set; }
    public int Step { get; set; }
    public string Node { get; set; } = "";
    public int Attempt { get; set; }
    public string Kind { get; set; } = "";
    public string? InputDigest { get; set; }
    public string? Output { get; set; }
    public string? ErrorCode { get; set; }
    public string? ErrorMessage { get; set; }
    public double DurationMs { get; set; }
    public string? Data { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
}
