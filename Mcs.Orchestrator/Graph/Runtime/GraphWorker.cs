using Mcs.Orchestrator.Data;
using Mcs.ServiceDefaults.Schema;
using Microsoft.Extensions.Options;

namespace Mcs.Orchestrator.Graph.Runtime;

/// <summary>Keeps up to <see cref="GraphEngineOptions.MaxConcurrentRuns"/> runs advancing on this replica.</summary>
internal sealed class GraphWorker(GraphRunner runner, MigrationsBeforeTraffic<OrchestratorDbContext> migration, RunSignals signals, TimeProvider clock,
    IOptions<GraphEngineOptions> options, ILogger<GraphWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunWorker)
        {
            return;
        }
        await migration.Completed.WaitAsync(stoppingToken);
        var running = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                running.RemoveAll(t => t.IsCompleted);
                var free = options.Value.MaxConcurrentRuns - running.Count;
                var wake = signals.WhenWorkAvailable;
                var started = free > 0 ? await runner.StartAvailableAsync(free, stoppingToken) : [];
                running.AddRange(started);
                if (started.Count < free)
                {
                    // Idle (or nothing claimable right now): wait for a wake-up, a finished run, or the poll interval.
                    await Task.WhenAny(running.Append(wake).Append(Task.Delay(options.Value.PollInterval, clock, stoppingToken)));
                }
                else if (free <= 0)
                {
                    await Task.WhenAny(running.Append(Task.Delay(options.Value.PollInterval, clock, stoppingToken)));
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                GraphLog.WorkerFailed(logger, exception);
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
        await Task.WhenAll(running).ContinueWith(_ => { }, TaskScheduler.Default);
    }
}
