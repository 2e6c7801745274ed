using Mcs.Orchestrator.Data;
using Mcs.ServiceDefaults.Schema;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mcs.Orchestrator.Graph.Runtime;

/// <summary>Unhealthy while any unfinished run waits at a node the registered graphs do not have (the run ids are listed).</summary>
internal sealed class GraphNodesHealthCheck(GraphNodesCheck check, MigrationsBeforeTraffic<OrchestratorDbContext> migration, ILogger<GraphNodesHealthCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!migration.Completed.IsCompletedSuccessfully)
        {
            return HealthCheckResult.Unhealthy("The database is not migrated yet.");
        }
        var stranded = await check.FindStrandedRunsAsync(cancellationToken);
        if (stranded.Count == 0)
        {
            return HealthCheckResult.Healthy();
        }
        var details = string.Join("; ", stranded);
        GraphLog.MissingNodes(logger, details);
        return HealthCheckResult.Unhealthy($"Runs wait at nodes no registered graph has: {details}");
    }
}
