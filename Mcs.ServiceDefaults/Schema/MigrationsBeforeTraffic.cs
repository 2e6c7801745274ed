using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mcs.ServiceDefaults.Schema;

/// <summary>
/// Applies <typeparamref name="TContext"/>'s EF migrations in <c>StartAsync</c>, i.e. before Kestrel accepts traffic,
/// under the provider's execution strategy, then runs the service's <see cref="MigrationsBeforeTrafficOptions{TContext}.AfterMigrating"/>
/// step. Workers that need the schema await <see cref="Completed"/>; the health check stays unhealthy until it is done.
/// Never <c>EnsureCreated</c>.
/// </summary>
public sealed partial class MigrationsBeforeTraffic<TContext>(
    IServiceScopeFactory scopes,
    IOptions<MigrationsBeforeTrafficOptions<TContext>> options,
    ILogger<MigrationsBeforeTraffic<TContext>> logger) : IHostedService
    where TContext : DbContext
{
    private static readonly ActivitySource Source = new("Mcs.Migrations");
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the schema is migrated and the after-step ran; faults when the migration failed for good.</summary>
    public Task Completed => _completed.Task;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            _completed.TrySetResult();
            return;
        }
        var delay = settings.FirstRetryDelay;
        while (true)
        {
            try
            {
                await MigrateAsync(cancellationToken);
                if (settings.AfterMigrating is { } afterMigrating)
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await afterMigrating(scope.ServiceProvider, cancellationToken);
                }
                _completed.TrySetResult();
                return;
            }
            catch (Exception exception) when (settings.RetryUntilMigrated && exception is not OperationCanceledException
                && !cancellationToken.IsCancellationRequested)
            {
                // A database still starting outlasted the execution strategy; the health check reports it meanwhile.
                RetryingAfterFailure(exception, typeof(TContext).Name, delay);
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, settings.MaxRetryDelay.Ticks));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                _completed.TrySetCanceled(cancellationToken);
                throw;
            }
            catch (Exception exception)
            {
                _completed.TrySetException(exception);
                throw;
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Only the migration, without the after-step (e.g. for a command-line import that migrates first).</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity($"Migrating {typeof(TContext).Name}");
        var started = Stopwatch.GetTimestamp();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        // The provider's migration lock makes concurrent replicas safe; the strategy retries a database that is still starting.
        await db.Database.CreateExecutionStrategy().ExecuteAsync(db, static (context, ct) => context.Database.MigrateAsync(ct), cancellationToken);
        Migrated(typeof(TContext).Name, Stopwatch.GetElapsedTime(started));
    }

    [LoggerMessage(1, LogLevel.Information, "{Context}: database migrated in {Elapsed}")]
    private partial void Migrated(string context, TimeSpan elapsed);

    [LoggerMessage(2, LogLevel.Warning, "{Context}: migration failed; retrying in {Delay}")]
    private partial void RetryingAfterFailure(Exception exception, string context, TimeSpan delay);
}
