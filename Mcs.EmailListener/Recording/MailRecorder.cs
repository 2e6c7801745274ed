using System.Text.Json;
using Mcs.Contracts;
using Mcs.EmailListener.Data;
using Mcs.EmailListener.Mime;
using Mcs.EmailListener.Outbox;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Mcs.EmailListener.Recording;

/// <summary>
/// Records deliveries in <c>email_records</c> (the outbox) and moves the mailbox watermark in the same
/// <c>SaveChanges</c> transaction, so the watermark never passes a mail that is not recorded.
/// </summary>
public sealed class MailRecorder(
    EmailListenerDbContext db,
    EmailEventFactory factory,
    TimeProvider time,
    OutboxSignal outboxSignal,
    EmailListenerMetrics metrics)
{
    /// <summary>Records IMAP message <paramref name="uid"/> of <paramref name="state"/>'s mailbox and raises the watermark to it.</summary>
    public async Task<RecordOutcome> RecordImapAsync(MailboxSyncState state, long uid, byte[] raw, CancellationToken cancellationToken)
    {
        var mailbox = state.Mailbox;
        var uidValidity = state.UidValidity;
        var existing = await db.EmailRecords.AsNoTracking()
            .AnyAsync(r => r.Mailbox == mailbox && r.UidValidity == uidValidity && r.Uid == uid, cancellationToken);
        if (existing)
        {
            // Recorded before a restart, or by a replica that owned the mailbox a moment ago.
            return await AdvanceAsync(state, uid, RecordOutcome.AlreadyRecorded, cancellationToken);
        }
        var rawSha256 = MailIdentity.Sha256Hex(raw);
        var carriedOver = await db.EmailRecords
            .Where(r => r.Mailbox == mailbox && r.RawSha256 == rawSha256 && r.UidValidity != null && r.UidValidity != uidValidity)
            .OrderBy(r => r.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (carriedOver is not null)
        {
            // The same bytes under a new UIDVALIDITY are the same delivery at a new address: never handed over again,
            // and a pending mailbox action follows the message to its new UID.
            carriedOver.UidValidity = uidValidity;
            carriedOver.Uid = uid;
            carriedOver.UpdatedAt = time.GetUtcNow();
            return await AdvanceAsync(state, uid, RecordOutcome.CarriedOver, cancellationToken);
        }
        var now = time.GetUtcNow();
        var record = NewRecord(new MailDelivery(MailDelivery.NewDeliveryId(), mailbox, uidValidity, uid, now), raw);
        db.EmailRecords.Add(record);
        try
        {
            var outcome = await AdvanceAsync(state, uid, record.Status == EmailRecordStatus.Rejected ? RecordOutcome.Rejected : RecordOutcome.Recorded, cancellationToken);
            Count(record);
            return outcome;
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another replica recorded it between our check and our insert: the unique index decided, nothing is lost.
            db.ChangeTracker.Clear();
            db.MailboxSyncStates.Update(state);
            await db.SaveChangesAsync(cancellationToken);
            return RecordOutcome.AlreadyRecorded;
        }
    }

    /// <summary>Records a message pushed to the webhook (a delivery without UIDVALIDITY/UID).</summary>
    public async Task<EmailRecord> RecordWebhookAsync(byte[] raw, ParsedMail parsed, string deliveryId, CancellationToken cancellationToken)
    {
        var record = ToRecord(parsed, new MailDelivery(deliveryId, WebhookMailbox.Name, null, null, time.GetUtcNow()), raw);
        db.EmailRecords.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        Count(record);
        return record;
    }

    private EmailRecord NewRecord(MailDelivery delivery, byte[] raw) => ToRecord(factory.Parse(raw, delivery), delivery, raw);

    private EmailRecord ToRecord(ParsedMail parsed, MailDelivery delivery, byte[] raw)
    {
        var now = time.GetUtcNow();
        return new EmailRecord
        {
            DeliveryId = delivery.DeliveryId,
            Mailbox = delivery.Mailbox,
            UidValidity = delivery.UidValidity,
            Uid = delivery.Uid,
            MessageId = parsed.MessageId,
            DedupeKey = parsed.DedupeKey,
            RawSha256 = parsed.RawSha256,
            Raw = raw,
            EventJson = parsed.Event is null ? null : JsonSerializer.Serialize(parsed.Event, McsJsonContext.Default.EmailEvent),
            Status = parsed.IsRejected ? EmailRecordStatus.Rejected : EmailRecordStatus.Received,
            Reason = parsed.RejectionReason,
            ReceivedAt = delivery.ReceivedAt,
            RecordedAt = now,
            UpdatedAt = now,
            NextAttemptAt = now,
        };
    }

    private async Task<RecordOutcome> AdvanceAsync(MailboxSyncState state, long uid, RecordOutcome outcome, CancellationToken cancellationToken)
    {
        state.LastUid = Math.Max(state.LastUid, uid);
        await db.SaveChangesAsync(cancellationToken);
        return outcome;
    }

    private void Count(EmailRecord record)
    {
        metrics.Seen(record.Mailbox);
        if (record.Status == EmailRecordStatus.Rejected)
        {
            metrics.Rejected(record.Mailbox);
        }
        else
        {
            outboxSignal.Notify();
        }
    }
}
