using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mcs.ServiceDefaults.Schema;

/// <summary>Unhealthy until the migration finished, so the AppHost's WaitFor holds dependents until the schema exists.</summary>
internal sealed class MigrationHealthCheck<TContext>(MigrationsBeforeTraffic<TContext> migration) : IHealthCheck
    where TContext : DbContext
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(migration.Completed.Status switch
        {
            TaskStatus.RanToCompletion => HealthCheckResult.Healthy("Schema migrated."),
            TaskStatus.Faulted => HealthCheckResult.Unhealthy("The migration failed.", migration.Completed.Exception),
            _ => HealthCheckResult.Unhealthy("Migrating."),
        });
}
