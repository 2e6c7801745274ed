using Mcs.EmailListener.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Mcs.EmailListener.Hosting;

/// <summary>
/// Degraded, naming the mailbox, when a configured mailbox has not completed a sync pass within
/// <see cref="EmailListenerOptions.StaleAfter"/>: the "trigger that silently stopped while showing active". Read
/// from the database, so every replica reports the mailbox whichever replica owns it.
/// </summary>
public sealed class MailboxSyncHealthCheck(
    IServiceScopeFactory scopes,
    IOptions<EmailListenerOptions> options,
    TimeProvider time) : IHealthCheck
{
    private readonly DateTimeOffset _startedAt = time.GetUtcNow();

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var mailboxes = options.Value.Mailboxes.Select(m => m.Name).ToList();
        if (mailboxes.Count == 0)
        {
            return HealthCheckResult.Healthy("No mailboxes configured");
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EmailListenerDbContext>();
        Dictionary<string, DateTimeOffset?> lastSynced;
        try
        {
            lastSynced = await db.MailboxSyncStates.AsNoTracking().Where(s => mailboxes.Contains(s.Mailbox))
                .ToDictionaryAsync(s => s.Mailbox, s => s.LastSyncedAt, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Mailbox sync state unreadable", exception);
        }
        var now = time.GetUtcNow();
        var staleAfter = options.Value.StaleAfter;
        // A mailbox never synced is only stale once the listener had the whole grace period to reach it.
        var stale = mailboxes
            .Where(name => (lastSynced.GetValueOrDefault(name) ?? _startedAt) < now - staleAfter)
            .ToList();
        var data = mailboxes.ToDictionary(name => name, name => (object)(lastSynced.GetValueOrDefault(name)?.ToString("O") ?? "never"));
        return stale.Count == 0
            ? HealthCheckResult.Healthy("All mailboxes synced", data)
            : HealthCheckResult.Degraded($"Not synced within {staleAfter}: {string.Join(", ", stale)}", data: data);
    }
}
