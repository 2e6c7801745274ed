using Mcs.Orchestrator.Data;
using Mcs.ServiceDefaults.Schema;
using Microsoft.Extensions.Options;

namespace Mcs.Orchestrator.Graph.Runtime;

/// <summary>Prunes intermediate checkpoints of finished runs after <see cref="GraphEngineOptions.RetainCheckpointsFor"/>.</summary>
internal sealed class CheckpointRetentionJob(GraphStore store, MigrationsBeforeTraffic<OrchestratorDbContext> migration, TimeProvider clock,
    IOptions<GraphEngineOptions> options, ILogger<CheckpointRetentionJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await migration.Completed.WaitAsync(stoppingToken);
        using var timer = new PeriodicTimer(options.Value.RetentionInterval, clock);
        do
        {
            try
            {
                await PruneOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                GraphLog.WorkerFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<int> PruneOnceAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - options.Value.RetainCheckpointsFor;
        var pruned = await store.PruneCheckpointsAsync(cutoff, cancellationToken);
        GraphLog.Pruned(logger, pruned, cutoff);
        return pruned;
    }
}
