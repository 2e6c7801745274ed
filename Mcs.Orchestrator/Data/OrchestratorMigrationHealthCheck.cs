using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mcs.Orchestrator.Data;

/// <summary>Unhealthy until the migration finished, so the AppHost's WaitFor holds dependents back.</summary>
internal sealed class OrchestratorMigrationHealthCheck(OrchestratorMigration migration) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(migration.Completed.Status switch
        {
            TaskStatus.RanToCompletion => HealthCheckResult.Healthy(),
            TaskStatus.Faulted => HealthCheckResult.Unhealthy("The migration failed.", migration.Completed.Exception),
            _ => HealthCheckResult.Unhealthy("Migrating."),
        });
}
