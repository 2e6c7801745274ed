using System.Text.Json;
using Mcs.Contracts;
using Mcs.EmailListener.Data;
using Mcs.EmailListener.Imap;
using Mcs.EmailListener.Mime;
using Mcs.EmailListener.Outbox;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Mcs.EmailListener.Recording;

/// <summary>
/// Records deliveries in <c>email_records</c> (the outbox) and moves the mailbox watermark in the same
/// <c>SaveChanges</c> transaction, so the watermark never passes a mail that is not recorded. IMAP mail is recorded
/// a fetched batch per transaction (ADR-023): one commit, and one fsync, for many mails instead of one each.
/// </summary>
public sealed class MailRecorder(
    EmailListenerDbContext db,
    EmailEventFactory factory,
    TimeProvider time,
    OutboxSignal outboxSignal,
    EmailListenerMetrics metrics)
{
    /// <summary>
    /// Records IMAP messages of <paramref name="state"/>'s mailbox (ascending UIDs) in one transaction that also raises
    /// the watermark to the highest of them. Returns one outcome per mail, in the same order.
    /// </summary>
    public async Task<IReadOnlyList<RecordOutcome>> RecordImapAsync(MailboxSyncState state, IReadOnlyList<RawMail> mails, CancellationToken cancellationToken)
    {
        if (mails.Count == 0)
        {
            return [];
        }
        var watermarkBefore = state.LastUid;
        var (outcomes, added) = await StageBatchAsync(state, mails, cancellationToken);
        try
        {
            state.LastUid = Math.Max(state.LastUid, mails[^1].Uid);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another replica recorded part of this batch between our check and our insert; the whole transaction
            // rolled back. Go over the batch one mail at a time, which sorts out what the other replica already has.
            db.ChangeTracker.Clear();
            state.LastUid = watermarkBefore;
            db.MailboxSyncStates.Update(state);
            var oneByOne = new List<RecordOutcome>(mails.Count);
            foreach (var mail in mails)
            {
                oneByOne.Add(await RecordOneAsync(state, mail.Uid, mail.Raw, cancellationToken));
            }
            return oneByOne;
        }
        foreach (var record in added)
        {
            Count(record);
        }
        return outcomes;
    }

    // Decides every mail of the batch with two queries (which UIDs are known, which raw hashes were seen under an
    // earlier UIDVALIDITY) and stages the inserts and carry-overs; nothing is written until the caller's SaveChanges.
    private async Task<(List<RecordOutcome> Outcomes, List<EmailRecord> Added)> StageBatchAsync(
        MailboxSyncState state, IReadOnlyList<RawMail> mails, CancellationToken cancellationToken)
    {
        var mailbox = state.Mailbox;
        var uidValidity = state.UidValidity;
        var uids = mails.Select(mail => (long?)mail.Uid).ToList();
        var known = (await db.EmailRecords.AsNoTracking()
            .Where(r => r.Mailbox == mailbox && r.UidValidity == uidValidity && uids.Contains(r.Uid))
            .Select(r => r.Uid!.Value)
            .ToListAsync(cancellationToken)).ToHashSet();
        var hashes = mails.Where(mail => !known.Contains(mail.Uid)).ToDictionary(mail => mail.Uid, mail => MailIdentity.Sha256Hex(mail.Raw));
        var distinctHashes = hashes.Values.Distinct().ToList();
        var earlier = distinctHashes.Count == 0 ? [] : await db.EmailRecords
            .Where(r => r.Mailbox == mailbox && distinctHashes.Contains(r.RawSha256) && r.UidValidity != null && r.UidValidity != uidValidity)
            .OrderBy(r => r.Id)
            .ToListAsync(cancellationToken);
        // Oldest first, and each earlier record is carried over once: as the one-at-a-time path did.
        var carryOverCandidates = earlier.GroupBy(r => r.RawSha256).ToDictionary(group => group.Key, group => new Queue<EmailRecord>(group));
        var outcomes = new List<RecordOutcome>(mails.Count);
        var added = new List<EmailRecord>();
        foreach (var mail in mails)
        {
            if (known.Contains(mail.Uid))
            {
                // Recorded before a restart, or by a replica that owned the mailbox a moment ago.
                outcomes.Add(RecordOutcome.AlreadyRecorded);
            }
            else if (carryOverCandidates.TryGetValue(hashes[mail.Uid], out var candidates) && candidates.TryDequeue(out var carriedOver))
            {
                // The same bytes under a new UIDVALIDITY are the same delivery at a new address: never handed over
                // again, and a pending mailbox action follows the message to its new UID.
                carriedOver.UidValidity = uidValidity;
                carriedOver.Uid = mail.Uid;
                carriedOver.UpdatedAt = time.GetUtcNow();
                outcomes.Add(RecordOutcome.CarriedOver);
            }
            else
            {
                // A mail that does not parse is still recorded, as rejected with its reason.
                var record = NewRecord(new MailDelivery(MailDelivery.NewDeliveryId(), mailbox, uidValidity, mail.Uid, time.GetUtcNow()), mail.Raw);
                db.EmailRecords.Add(record);
                added.Add(record);
                outcomes.Add(record.Status == EmailRecordStatus.Rejected ? RecordOutcome.Rejected : RecordOutcome.Recorded);
            }
        }
        return (outcomes, added);
    }

    // One mail per transaction: the fallback when a batch collided with another replica's inserts.
    private async Task<RecordOutcome> RecordOneAsync(MailboxSyncState state, long uid, byte[] raw, CancellationToken cancellationToken)
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
