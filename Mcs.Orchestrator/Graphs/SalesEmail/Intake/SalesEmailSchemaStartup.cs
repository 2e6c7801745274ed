namespace Mcs.Orchestrator.Graphs.SalesEmail.Intake;

/// <summary>Creates the graph's own table before traffic (the engine's migrations do not know it).</summary>
internal sealed class SalesEmailSchemaStartup(SalesEmailRunIndex index) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => index.EnsureSchemaAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
