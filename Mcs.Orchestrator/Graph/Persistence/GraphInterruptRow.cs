namespace Mcs.Orchestrator.Graph.Persistence;

/// <summary>Table <c>graph_interrupt</c>: pauses for a human; at most one open per run.</summary>
public sealed class GraphInterruptRow
{
    public Guid InterruptId { get; set; }
    public Guid RunId { get; set; }
    public string GraphName { get; set; } = "";
    public int Step { get; set; }
    public string Node { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Payload { get; set; } = "{}";
    public string Status { get; set; } = "open";
    public string? Decision { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
}
