using System.Diagnostics;
using Mcs.Orchestrator.Graph;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mcs.Orchestrator.Data;

/// <summary>
/// Applies <see cref="OrchestratorDbContext"/>'s migrations before traffic, under the execution strategy; the engine's
/// worker and the health check wait on <see cref="Completed"/>. Never EnsureCreated.
/// </summary>
public sealed class OrchestratorMigration(IServiceScopeFactory scopes, IOptions<GraphEngineOptions> options) : IHostedService
{
    private static readonly ActivitySource Source = new("Mcs.Orchestrator");
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Completed => _completed.Task;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.MigrateOnStart)
        {
            _completed.TrySetResult();
            return;
        }
        using var activity = Source.StartActivity("Migrating orchestratordb");
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OrchestratorDbContext>();
            await db.Database.CreateExecutionStrategy().ExecuteAsync(db, static (d, ct) => d.Database.MigrateAsync(ct), cancellationToken);
            _completed.TrySetResult();
        }
        catch (Exception exception)
        {
            _completed.TrySetException(exception);
            throw;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
