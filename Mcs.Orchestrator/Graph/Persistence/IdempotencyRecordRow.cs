namespace Mcs.Orchestrator.Graph.Persistence;

/// <summary>Table <c>idempotency_record</c>: who first claimed a business key in a scope (e.g. a mail's dedupe key).</summary>
public sealed class IdempotencyRecordRow
{
    public string Scope { get; set; } = "";
    public string Key { get; set; } = "";
    public Guid RunId { get; set; }
    public Guid LineageId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
