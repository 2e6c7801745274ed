namespace Mcs.EmailListener.Data;

/// <summary>
/// The watermark of one mailbox (table <c>mailbox_sync_states</c>): the highest UID recorded under the current
/// UIDVALIDITY. It only moves in the transaction that records the mail, so it never passes unrecorded mail.
/// </summary>
public sealed class MailboxSyncState
{
    public required string Mailbox { get; set; }
    public long UidValidity { get; set; }
    public long LastUid { get; set; }

    /// <summary>When a sync pass last completed: the health check reports a mailbox that stopped syncing.</summary>
    public DateTimeOffset? LastSyncedAt { get; set; }
}
