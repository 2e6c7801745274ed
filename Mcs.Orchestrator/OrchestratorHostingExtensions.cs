using Mcs.Orchestrator.Graph;

namespace Mcs.Orchestrator;

/// <summary>Registers everything Mcs.Orchestrator needs (options, data, clients, hosted services) and maps its endpoints.</summary>
public static class OrchestratorHostingExtensions
{
    public static IHostApplicationBuilder AddOrchestrator(this IHostApplicationBuilder builder)
    {
        builder.AddGraphEngine();
        return builder;
    }

    public static WebApplication MapOrchestratorEndpoints(this WebApplication app)
    {
        return app;
    }
}
