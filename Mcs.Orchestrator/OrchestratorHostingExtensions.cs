using Mcs.Orchestrator.Adapters;
using Mcs.Orchestrator.Adapters.FileStore;
using Mcs.Orchestrator.Api;
using Mcs.Orchestrator.Graph;
using Mcs.Orchestrator.Graphs.SalesEmail;

namespace Mcs.Orchestrator;

/// <summary>Registers everything Mcs.Orchestrator needs (engine, adapters, the sales-email graph) and maps its endpoints.</summary>
public static class OrchestratorHostingExtensions
{
    public static IHostApplicationBuilder AddOrchestrator(this IHostApplicationBuilder builder)
    {
        builder.AddGraphEngine();
        builder.AddOrchestratorAdapters();
        builder.AddSalesEmailGraph();
        return builder;
    }

    public static WebApplication MapOrchestratorEndpoints(this WebApplication app)
    {
        app.MapOrchestrationEndpoints();
        app.MapRunEndpoints();
        app.MapFileEndpoints();
        return app;
    }
}
