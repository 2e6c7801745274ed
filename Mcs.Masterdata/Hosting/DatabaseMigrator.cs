using System.Diagnostics;
using Mcs.Masterdata.Data;
using Mcs.Masterdata.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mcs.Masterdata.Hosting;

/// <summary>
/// Applies EF migrations in <c>StartAsync</c>, i.e. before Kestrel accepts traffic, then optionally loads the sample
/// data into an empty database (<see cref="MasterdataOptions.SeedSampleDataWhenEmpty"/>). Never <c>EnsureCreated</c>.
/// </summary>
public sealed class DatabaseMigrator(IServiceScopeFactory scopes, MigrationStatus status, IOptions<MasterdataOptions> options, MasterdataLog log)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await MigrateAsync(scopes, log, cancellationToken);
        if (options.Value.SeedSampleDataWhenEmpty)
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SampleDataSeeder>().SeedIfEmptyAsync(cancellationToken);
        }
        status.MarkCompleted();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static async Task MigrateAsync(IServiceScopeFactory scopes, MasterdataLog log, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MasterdataDbContext>();
        // The provider's migration lock makes concurrent replicas safe; the strategy retries a database that is still starting.
        await db.Database.CreateExecutionStrategy().ExecuteAsync(db, static (context, ct) => context.Database.MigrateAsync(ct), cancellationToken);
        log.Migrated((long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
}
