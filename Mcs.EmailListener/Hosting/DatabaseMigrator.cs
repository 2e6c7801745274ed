using System.Diagnostics;
using Mcs.EmailListener.Data;
using Microsoft.EntityFrameworkCore;

namespace Mcs.EmailListener.Hosting;

/// <summary>
/// Applies EF migrations before the listener touches a mailbox or the outbox: the watchers and the dispatcher wait
/// for <see cref="Completion"/>, and the <c>database-migration</c> health check stays unhealthy until it finished.
/// </summary>
public sealed class DatabaseMigrator(IServiceScopeFactory scopes, ILogger<DatabaseMigrator> logger) : BackgroundService
{
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Completion => _completion.Task;

    public bool IsCompleted => _completion.Task.IsCompletedSuccessfully;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var started = Stopwatch.GetTimestamp();
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<EmailListenerDbContext>();
                var strategy = db.Database.CreateExecutionStrategy();
                await strategy.ExecuteAsync(ct => db.Database.MigrateAsync(ct), stoppingToken);
                EmailListenerLog.Migrated(logger, Stopwatch.GetElapsedTime(started));
                _completion.TrySetResult();
                return;
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested && exception is not OperationCanceledException)
            {
                // The database may still be starting; the health check reports it meanwhile.
                logger.LogWarning(exception, "Migration failed; retrying in {Delay}", delay);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, 30));
            }
        }
        _completion.TrySetCanceled(stoppingToken);
    }
}
