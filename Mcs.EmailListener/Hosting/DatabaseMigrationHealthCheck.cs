using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mcs.EmailListener.Hosting;

/// <summary>Unhealthy until the migrations are applied, so nothing is routed to a listener with an old schema.</summary>
public sealed class DatabaseMigrationHealthCheck(DatabaseMigrator migrator) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(migrator.IsCompleted
            ? HealthCheckResult.Healthy("Migrations applied")
            : HealthCheckResult.Unhealthy("Migrations not applied yet"));
}
