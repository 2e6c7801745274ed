using System.Text.Json;

namespace Mcs.Contracts.Runs;

/// <summary>One node attempt of a run as the audit API shows it (already redacted).</summary>
public sealed record AuditEvent
{
    public required long Sequence { get; init; }
    public required string RunId { get; init; }
    public required string Node { get; init; }
    public required int Attempt { get; init; }
    public required string Outcome { get; init; }
    public string? InputDigest { get; init; }
    public JsonElement? Output { get; init; }
    public string? ErrorCode { get; init; }
    public string? ErrorMessage { get; init; }
    public required double DurationMs { get; init; }
    public required DateTimeOffset At { get; init; }
}
