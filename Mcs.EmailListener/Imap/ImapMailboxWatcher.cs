using Mcs.EmailListener.Data;
using Mcs.ServiceDefaults.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mcs.EmailListener.Imap;

/// <summary>
/// Watches one mailbox: takes the mailbox's lease (one replica at a time), then syncs, waits (IDLE or poll), syncs
/// again, for as long as it owns the lease. Any failure ends the session; it reconnects after a jittered,
/// growing delay. Exits only when the host stops.
/// </summary>
public sealed class ImapMailboxWatcher(
    MailboxOptions mailbox,
    IServiceScopeFactory scopes,
    IMailboxSessionFactory sessions,
    MigrationsBeforeTraffic<EmailListenerDbContext> migration,
    MailboxWakeSignals wakeSignals,
    IOptions<EmailListenerOptions> options,
    EmailListenerMetrics metrics,
    TimeProvider time,
    ILogger<ImapMailboxWatcher> logger) : BackgroundService
{
    public string MailboxName => mailbox.Name;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await migration.Completed.WaitAsync(stoppingToken);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var lease = await AcquireLeaseAsync(stoppingToken);
                EmailListenerLog.LeaseAcquired(logger, mailbox.Name);
                await using var session = sessions.Create(mailbox);
                while (!stoppingToken.IsCancellationRequested)
                {
                    if (!await lease.IsHeldAsync(stoppingToken))
                    {
                        EmailListenerLog.LeaseLost(logger, mailbox.Name);
                        break;
                    }
                    var wake = wakeSignals.Current(mailbox.Name);
                    await SyncOnceAsync(session, stoppingToken);
                    failures = 0;
                    await session.WaitForChangesAsync(mailbox.PollInterval, wake, stoppingToken);
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                failures++;
                metrics.Reconnected(mailbox.Name);
                var delay = ReconnectDelay(failures);
                EmailListenerLog.SessionFailed(logger, exception, mailbox.Name, failures, delay);
                await Task.Delay(delay, time, stoppingToken);
            }
        }
    }

    private async Task SyncOnceAsync(IMailboxSession session, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MailboxSynchronizer>().SyncAsync(session, mailbox, cancellationToken);
    }

    private async Task<MailboxLease> AcquireLeaseAsync(CancellationToken cancellationToken)
    {
        string connectionString;
        await using (var scope = scopes.CreateAsyncScope())
        {
            connectionString = scope.ServiceProvider.GetRequiredService<EmailListenerDbContext>().Database.GetConnectionString()
                ?? throw new InvalidOperationException("The listener database has no connection string.");
        }
        while (true)
        {
            var lease = await MailboxLease.TryAcquireAsync(connectionString, mailbox.Name, cancellationToken);
            if (lease is not null)
            {
                return lease;
            }
            await Task.Delay(options.Value.LeaseRetryInterval, time, cancellationToken);
        }
    }

    // 1 s, 2 s, 4 s ... up to the configured maximum, each ±25 % so replicas and mailboxes don't reconnect in step.
    private TimeSpan ReconnectDelay(int failures)
    {
        var seconds = Math.Min(Math.Pow(2, Math.Min(failures - 1, 20)), options.Value.MaxReconnectDelay.TotalSeconds);
        return TimeSpan.FromSeconds(seconds * (0.75 + (Random.Shared.NextDouble() * 0.5)));
    }
}
