using Mcs.Contracts;
using Mcs.Orchestrator.Data;
using Mcs.Orchestrator.Graph.Runtime;
using Mcs.ServiceDefaults.Schema;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Mcs.Orchestrator.Graph;

/// <summary>Registers the graph engine: database, store, registry, runner, retention job, migration and health checks.</summary>
public static class GraphEngineHostingExtensions
{
    /// <summary>Adds the engine on <c>orchestratordb</c>. Register graphs with <see cref="AddGraph{TState}"/>.</summary>
    public static IHostApplicationBuilder AddGraphEngine(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var maxConnections = builder.Configuration.GetValue($"{GraphEngineOptions.SectionName}:{nameof(GraphEngineOptions.MaxDbConnections)}",
            new GraphEngineOptions().MaxDbConnections);
        // The EF context (run intake, reads) gets the same cap: a burst of 1,000 POSTs opened ~100 more backends.
        builder.AddNpgsqlDbContext<OrchestratorDbContext>(ServiceNames.OrchestratorDb, settings =>
        {
            if (settings.ConnectionString is { } connectionString)
            {
                settings.ConnectionString = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = maxConnections, NoResetOnClose = true }
                    .ConnectionString;
            }
        });
        // The engine sends the same few statements for every step of every run (claim, checkpoint, audit, effect):
        // auto-preparing them spares PostgreSQL a parse per statement, and a generic plan spares it the planning — with
        // the default plan cache mode it kept re-planning the commit CTE (~15 % of its CPU under load). Every statement
        // is keyed by run id or by the claim index, so the generic plan is the right one. ADR-063.
        builder.AddNpgsqlDataSource(ServiceNames.OrchestratorDb, configureDataSourceBuilder: dataSource =>
        {
            var connection = dataSource.ConnectionStringBuilder;
            connection.MaxAutoPrepare = 64;
            connection.AutoPrepareMinUsages = 2;
            connection.Options = $"{connection.Options} -c plan_cache_mode=force_generic_plan".TrimStart();
            connection.MaxPoolSize = maxConnections;
            connection.MinPoolSize = Math.Min(4, maxConnections);
            // Neither pool sets session state (no SET, LISTEN, advisory or temp objects; SET LOCAL dies with its
            // transaction), so the reset Npgsql sends with the first statement after every pool return (RESET ALL,
            // pg_advisory_unlock_all and four more) is pure cost: ~29 of them per run. ADR-064.
            connection.NoResetOnClose = true;
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
