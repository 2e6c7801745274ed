using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mcs.Masterdata.Hosting;

/// <summary>Unhealthy until migrations ran, so the AppHost's WaitFor holds dependents until the schema exists.</summary>
public sealed class MigrationHealthCheck(MigrationStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(status.Completed
            ? HealthCheckResult.Healthy("Schema migrated.")
            : HealthCheckResult.Unhealthy("Migrating the master data schema."));
}
