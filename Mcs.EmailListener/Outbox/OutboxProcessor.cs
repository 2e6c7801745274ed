using System.Text.Json;
using Mcs.Contracts;
using Mcs.EmailListener.Data;
using Mcs.EmailListener.Imap;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mcs.EmailListener.Outbox;

/// <summary>
/// One outbox pass: claims due records (atomically, <c>FOR UPDATE SKIP LOCKED</c>, so replicas never post the same
/// record at once), posts them, and records the outcome. Retryable failures back off exponentially with jitter and
/// never give up: an orchestrator down for an hour loses nothing.
/// </summary>
public sealed class OutboxProcessor(
    IServiceScopeFactory scopes,
    OrchestratorClient client,
    TimeProvider time,
    IOptions<OutboxOptions> outboxOptions,
    IOptions<EmailListenerOptions> listenerOptions,
    MailboxWakeSignals wakeSignals,
    EmailListenerMetrics metrics,
    ILogger<OutboxProcessor> logger)
{
    private readonly OutboxOptions _options = outboxOptions.Value;

    /// <summary>Dispatches what is due now; returns how many records were claimed.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EmailListenerDbContext>();
        var now = time.GetUtcNow();
        var ids = await ClaimAsync(db, now, cancellationToken);
        if (ids.Count == 0)
        {
            return 0;
        }
        var records = await db.EmailRecords.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new { r.Id, r.DeliveryId, r.Mailbox, r.Uid, r.EventJson, r.Raw, r.Attempts })
            .ToListAsync(cancellationToken);
        await Parallel.ForEachAsync(records, new ParallelOptions { MaxDegreeOfParallelism = _options.MaxParallelPosts, CancellationToken = cancellationToken },
            async (record, ct) =>
            {
                var outcome = await SendAsync(record.EventJson, record.Raw, ct);
                await SaveOutcomeAsync(record.Id, record.DeliveryId, record.Mailbox, record.Uid, record.Attempts, outcome, ct);
            });
        return ids.Count;
    }

    private async Task<List<long>> ClaimAsync(EmailListenerDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var claimedUntil = now + _options.ClaimTimeout;
        return await db.Database.SqlQuery<long>($"""
            UPDATE email_records SET status = 'dispatched', claimed_until = {claimedUntil}, attempts = attempts + 1, updated_at = {now}
            WHERE id IN (
                SELECT id FROM email_records
                WHERE (status IN ('received', 'failed') AND next_attempt_at <= {now})
                   OR (status = 'dispatched' AND claimed_until < {now})
                ORDER BY next_attempt_at, id
                LIMIT {_options.BatchSize}
                FOR UPDATE SKIP LOCKED)
            RETURNING id AS "Value"
            """).ToListAsync(cancellationToken);
    }

    private async Task<DispatchOutcome> SendAsync(string? eventJson, byte[] raw, CancellationToken cancellationToken)
    {
        if (eventJson is null)
        {
            return DispatchOutcome.Rejected("no_event");
        }
        var emailEvent = JsonSerializer.Deserialize(eventJson, McsJsonContext.Default.EmailEvent)!;
        // The raw message travels along (within the limit) so the orchestrator can store it and any run can be replayed.
        if (raw.LongLength <= listenerOptions.Value.MaxRawInlineBytes)
        {
            emailEvent = emailEvent with { RawBase64 = Convert.ToBase64String(raw) };
        }
        return await client.SendAsync(emailEvent, cancellationToken);
    }

    private async Task SaveOutcomeAsync(long id, string deliveryId, string mailbox, long? uid, int attempts, DispatchOutcome outcome, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EmailListenerDbContext>();
        var now = time.GetUtcNow();
        var records = db.EmailRecords.Where(r => r.Id == id && r.Status == EmailRecordStatus.Dispatched);
        switch (outcome.Result)
        {
            case DispatchResult.Accepted:
                var actionPending = uid is not null && ActionFor(mailbox) != MailboxAction.None;
                await records.ExecuteUpdateAsync(set => set
                    .SetProperty(r => r.Status, EmailRecordStatus.Accepted)
                    .SetProperty(r => r.AcceptedAt, now)
                    .SetProperty(r => r.RunId, outcome.RunId)
                    .SetProperty(r => r.Reason, (string?)null)
                    .SetProperty(r => r.ClaimedUntil, (DateTimeOffset?)null)
                    .SetProperty(r => r.MailboxActionPending, actionPending)
                    .SetProperty(r => r.UpdatedAt, now), cancellationToken);
                metrics.Dispatched(mailbox);
                if (actionPending)
                {
                    wakeSignals.Wake(mailbox);
                }
                break;
            case DispatchResult.Rejected:
                await records.ExecuteUpdateAsync(set => set
                    .SetProperty(r => r.Status, EmailRecordStatus.Rejected)
                    .SetProperty(r => r.Reason, outcome.Reason)
                    .SetProperty(r => r.ClaimedUntil, (DateTimeOffset?)null)
                    .SetProperty(r => r.UpdatedAt, now), cancellationToken);
                metrics.Rejected(mailbox);
                EmailListenerLog.DispatchRejected(logger, deliveryId, outcome.Reason ?? "");
                break;
            default:
                var next = now + RetryDelay(attempts);
                await records.ExecuteUpdateAsync(set => set
                    .SetProperty(r => r.Status, EmailRecordStatus.Failed)
                    .SetProperty(r => r.Reason, outcome.Reason)
                    .SetProperty(r => r.NextAttemptAt, next)
                    .SetProperty(r => r.ClaimedUntil, (DateTimeOffset?)null)
                    .SetProperty(r => r.UpdatedAt, now), cancellationToken);
                metrics.Failed(mailbox);
                EmailListenerLog.DispatchRetry(logger, deliveryId, attempts, outcome.Reason ?? "", next);
                break;
        }
    }

    /// <summary>Exponential from the base delay, capped, with ±20 % jitter so a recovering orchestrator is not stampeded.</summary>
    public TimeSpan RetryDelay(int attempts)
    {
        var exponential = _options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        var capped = Math.Min(exponential, _options.RetryMaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.8 + (Random.Shared.NextDouble() * 0.4)));
    }

    private MailboxAction ActionFor(string mailbox) =>
        listenerOptions.Value.Mailboxes.FirstOrDefault(m => m.Name == mailbox)?.ActionAfterAccept ?? MailboxAction.None;
}
