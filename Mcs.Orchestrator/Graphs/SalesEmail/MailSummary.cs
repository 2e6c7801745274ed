using Mcs.Contracts.Email;

namespace Mcs.Orchestrator.Graphs.SalesEmail;

/// <summary>The mail as the graph needs it: headers, text and attachment references (no bytes).</summary>
public sealed record MailSummary
{
    public required string DeliveryId { get; init; }
    public required string DedupeKey { get; init; }
    public string? MessageId { get; init; }
    public required string Mailbox { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    public required MailAddress From { get; init; }
    public MailAddress? ForwardedFrom { get; init; }
    public required string Subject { get; init; }
    public required string BodyText { get; init; }
    public IReadOnlyList<AttachmentRef> Attachments { get; init; } = [];
    public required string RawSha256 { get; init; }

    /// <summary>File-store id of the raw message, when the listener sent it.</summary>
    public string? RawFileId { get; init; }
}
