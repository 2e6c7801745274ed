namespace Mcs.Contracts.Email;

/// <summary>
/// One delivery of one mail, handed from the listener to the orchestrator. <see cref="DeliveryId"/> identifies the
/// delivery (idempotency of the run endpoint); <see cref="DedupeKey"/> identifies the mail (duplicate detection).
/// </summary>
public sealed record EmailEvent
{
    public required string DeliveryId { get; init; }
    public required string DedupeKey { get; init; }
    public string? MessageId { get; init; }
    public required string Mailbox { get; init; }
    public long? UidValidity { get; init; }
    public long? Uid { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    public required MailAddress From { get; init; }
    public MailAddress? ForwardedFrom { get; init; }
    public IReadOnlyList<MailAddress> To { get; init; } = [];
    public IReadOnlyList<MailAddress> Cc { get; init; } = [];
    public required string Subject { get; init; }
    public required string BodyText { get; init; }
    public IReadOnlyList<EmailAttachment> Attachments { get; init; } = [];
    public required string RawSha256 { get; init; }
    public string? RawBase64 { get; init; }
}
