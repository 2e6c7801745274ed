using Mcs.Contracts;
using Mcs.Orchestrator.Data;
using Mcs.Orchestrator.Graph.Runtime;
using Mcs.ServiceDefaults.Schema;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Mcs.Orchestrator.Graph;

/// <summary>Registers the graph engine: database, store, registry, runner, retention job, migration and health checks.</summary>
public static class GraphEngineHostingExtensions
{
    /// <summary>Adds the engine on <c>orchestratordb</c>. Register graphs with <see cref="AddGraph{TState}"/>.</summary>
    public static IHostApplicationBuilder AddGraphEngine(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddNpgsqlDbContext<OrchestratorDbContext>(ServiceNames.OrchestratorDb);
        // The engine sends the same few statements for every step of every run (claim, checkpoint, audit, effect):
        // auto-preparing them spares PostgreSQL a parse and plan per statement, its largest CPU cost under load.
        builder.AddNpgsqlDataSource(ServiceNames.OrchestratorDb, configureDataSourceBuilder: dataSource =>
        {
            dataSource.ConnectionStringBuilder.MaxAutoPrepare = 64;
            dataSource.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
        });
        builder.Services.AddOptions<GraphEngineOptions>().BindConfiguration(GraphEngineOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddGraphEngineCore();
        builder.Services.AddMigrationsBeforeTraffic<OrchestratorDbContext>("orchestratordb-migration")
            .Configure<IOptions<GraphEngineOptions>>((migration, engine) => migration.Enabled = engine.Value.MigrateOnStart);
        builder.Services.AddHostedService<GraphWorker>();
        builder.Services.AddSingleton<CheckpointRetentionJob>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CheckpointRetentionJob>());
        builder.Services.AddHealthChecks()
            .AddCheck<GraphNodesHealthCheck>("graph-next-nodes");
        return builder;
    }

    /// <summary>The engine's services without hosting (tests and the benchmark bring their own NpgsqlDataSource).</summary>
    public static IServiceCollection AddGraphEngineCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ICrashInjector>(NoCrashes.Instance);
        services.TryAddSingleton(sp => new GraphRegistry(sp.GetServices<CompiledGraph>()));
        services.TryAddSingleton<GraphStore>();
        services.TryAddSingleton<RunSignals>();
        services.TryAddSingleton<GraphEngine>();
        services.TryAddSingleton<IGraphEngine>(sp => sp.GetRequiredService<GraphEngine>());
        services.TryAddSingleton<GraphRunner>();
        services.TryAddSingleton<GraphNodesCheck>();
        return services;
    }

    /// <summary>Registers a graph; the factory may resolve the nodes' adapters from the container.</summary>
    public static IServiceCollection AddGraph<TState>(this IServiceCollection services, Func<IServiceProvider, CompiledGraph<TState>> factory)
        where TState : class, IGraphState
    {
        services.AddSingleton<CompiledGraph>(factory);
        return services;
    }
}
