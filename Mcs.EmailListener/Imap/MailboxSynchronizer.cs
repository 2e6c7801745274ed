using Mcs.EmailListener.Data;
using Mcs.EmailListener.Recording;
using Microsoft.EntityFrameworkCore;

namespace Mcs.EmailListener.Imap;

/// <summary>
/// One sync pass of one mailbox: detect a UIDVALIDITY change, record every message above the watermark in UID
/// order, a batch at a time (one FETCH and one transaction per batch; the watermark moves with each transaction,
/// never past an unrecorded mail), then do the configured action for mail the orchestrator has accepted — and only
/// for that.
/// </summary>
public sealed class MailboxSynchronizer(
    EmailListenerDbContext db,
    MailRecorder recorder,
    TimeProvider time,
    EmailListenerMetrics metrics,
    ILogger<MailboxSynchronizer> logger)
{
    // 50 mails of ~140 KB is ~7 MB in memory and one commit instead of 50; a crash loses at most that batch's work,
    // which the next pass redoes (the watermark did not move).
    internal const int RecordBatchSize = 50;

    public async Task<int> SyncAsync(IMailboxSession session, MailboxOptions mailbox, CancellationToken cancellationToken)
    {
        var uidValidity = await session.OpenAsync(cancellationToken);
        var state = await LoadStateAsync(mailbox.Name, uidValidity, cancellationToken);
        var recorded = 0;
        foreach (var batch in (await session.UidsAfterAsync(state.LastUid, cancellationToken)).Chunk(RecordBatchSize))
        {
            // A message expunged between SEARCH and FETCH is not in the result: there is nothing to lose.
            var mails = await session.FetchRawAsync(batch, cancellationToken);
            var outcomes = await recorder.RecordImapAsync(state, mails, cancellationToken);
            for (var i = 0; i < mails.Count; i++)
            {
                if (outcomes[i] is RecordOutcome.Recorded or RecordOutcome.Rejected)
                {
                    recorded++;
                    EmailListenerLog.Recorded(logger, mailbox.Name, mails[i].Uid, outcomes[i].ToString(), null);
                }
            }
        }
        await ApplyPendingActionsAsync(session, mailbox, uidValidity, cancellationToken);
        state.LastSyncedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        metrics.Synced(mailbox.Name);
        return recorded;
    }

    private async Task<MailboxSyncState> LoadStateAsync(string mailbox, long uidValidity, CancellationToken cancellationToken)
    {
        var state = await db.MailboxSyncStates.FirstOrDefaultAsync(s => s.Mailbox == mailbox, cancellationToken);
        if (state is null)
        {
            state = new MailboxSyncState { Mailbox = mailbox, UidValidity = uidValidity, LastUid = 0 };
            db.MailboxSyncStates.Add(state);
            await db.SaveChangesAsync(cancellationToken);
        }
        else if (state.UidValidity != uidValidity)
        {
            // Old UIDs mean nothing now. Start from the bottom; the recorder recognises mail it has seen by raw hash.
            EmailListenerLog.UidValidityChanged(logger, mailbox, state.UidValidity, uidValidity);
            state.UidValidity = uidValidity;
            state.LastUid = 0;
            await db.SaveChangesAsync(cancellationToken);
        }
        return state;
    }

    private async Task ApplyPendingActionsAsync(IMailboxSession session, MailboxOptions mailbox, long uidValidity, CancellationToken cancellationToken)
    {
        var pending = db.EmailRecords.Where(r => r.Mailbox == mailbox.Name && r.MailboxActionPending);
        if (mailbox.ActionAfterAccept == MailboxAction.None)
        {
            await pending.ExecuteUpdateAsync(set => set.SetProperty(r => r.MailboxActionPending, false), cancellationToken);
            return;
        }
        var uids = await pending.Where(r => r.UidValidity == uidValidity && r.Uid != null)
            .Select(r => r.Uid!.Value).ToListAsync(cancellationToken);
        if (uids.Count > 0)
        {
            await session.ApplyActionAsync(uids, mailbox.ActionAfterAccept, mailbox.MoveToFolder, cancellationToken);
            EmailListenerLog.MailboxActionApplied(logger, mailbox.Name, uids.Count, mailbox.ActionAfterAccept.ToString());
        }
        // Done, or impossible: a record from before a UIDVALIDITY change that was not found again has no message left.
        await pending.Where(r => r.UidValidity != uidValidity || uids.Contains(r.Uid!.Value))
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.MailboxActionPending, false), cancellationToken);
    }
}
