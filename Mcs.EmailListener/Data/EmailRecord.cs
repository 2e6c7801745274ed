namespace Mcs.EmailListener.Data;

/// <summary>
/// One delivery of one mail (table <c>email_records</c>): unique per mailbox + UIDVALIDITY + UID, so a mail is
/// recorded once, and the outbox row that carries it to the orchestrator until it is accepted.
/// </summary>
public sealed class EmailRecord
{
    public long Id { get; set; }
    public required string DeliveryId { get; set; }
    public required string Mailbox { get; set; }
    public long? UidValidity { get; set; }
    public long? Uid { get; set; }
    public string? MessageId { get; set; }
    public required string DedupeKey { get; set; }
    public required string RawSha256 { get; set; }

    /// <summary>The message as it arrived, so any run can be replayed from it.</summary>
    public required byte[] Raw { get; set; }

    /// <summary>The parsed <c>EmailEvent</c> without <c>raw_base64</c> (added from <see cref="Raw"/> when sent).</summary>
    public string? EventJson { get; set; }

    public EmailRecordStatus Status { get; set; }
    public string? Reason { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? ClaimedUntil { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public string? RunId { get; set; }

    /// <summary>The configured mailbox action (mark seen, move) is still to be done for this accepted mail.</summary>
    public bool MailboxActionPending { get; set; }
}
