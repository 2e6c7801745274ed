using System.Text.Json;

namespace Mcs.Orchestrator.Graph;

/// <summary>
/// One row of <c>graph_audit</c>. Kinds: <c>node_completed</c>, <c>node_failed</c>, <c>retry_scheduled</c>,
/// <c>interrupted</c>, <c>resumed</c>, <c>lease_taken_over</c>, <c>forked</c>, <c>crash_loop</c>, <c>state_size_warning</c>, <c>blocked</c>.
/// </summary>
public sealed record AuditEntry(
    long Sequence,
    Guid RunId,
    int Step,
    string Node,
    int Attempt,
    string Kind,
    string? InputDigest,
    JsonElement? Output,
    string? ErrorCode,
    string? ErrorMessage,
    double DurationMs,
    JsonElement? Data,
    DateTimeOffset OccurredAt);
