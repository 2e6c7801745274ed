namespace Mcs.Orchestrator.Graph.Persistence;

/// <summary>Table <c>side_effect</c>: one row per effect key (started | succeeded | unknown | failed).</summary>
public sealed class SideEffectRow
{
    public string EffectKey { get; set; } = "";
    public Guid RunId { get; set; }
    public string Node { get; set; } = "";
    public string Status { get; set; } = "started";
    public string? RequestHash { get; set; }
    public string? Response { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
