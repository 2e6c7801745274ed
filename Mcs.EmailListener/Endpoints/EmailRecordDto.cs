namespace Mcs.EmailListener.Endpoints;

/// <summary>One row of <c>GET /v1/email/records</c>: where a delivery stands (no content, no addresses).</summary>
public sealed record EmailRecordDto
{
    public required string DeliveryId { get; init; }
    public required string Mailbox { get; init; }
    public long? UidValidity { get; init; }
    public long? Uid { get; init; }
    public string? MessageId { get; init; }
    public required string DedupeKey { get; init; }
    public required string RawSha256 { get; init; }
    public required string Status { get; init; }
    public string? Reason { get; init; }
    public required int Attempts { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    public DateTimeOffset? AcceptedAt { get; init; }
    public DateTimeOffset? NextAttemptAt { get; init; }
    public string? RunId { get; init; }
}
