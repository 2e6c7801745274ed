namespace Mcs.Orchestrator.Graph.Persistence;

/// <summary>Table <c>graph_checkpoint</c>: the state after step <see cref="Step"/>; unique per (run, step).</summary>
public sealed class GraphCheckpointRow
{
    public Guid RunId { get; set; }
    public int Step { get; set; }
    public string? Node { get; set; }
    public string? NextNode { get; set; }
    public string State { get; set; } = "{}";
    public int StateSchemaVersion { get; set; }
    public int StateBytes { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
