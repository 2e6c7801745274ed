using Mcs.Orchestrator.Data;
using Mcs.Orchestrator.Graph;
using Mcs.Orchestrator.Graph.Runtime;
using Mcs.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Mcs.Tests.Service.Graph;

/// <summary>
/// A fresh migrated database plus engine "replicas" on it: each replica is its own container (runner, lease keeper,
/// clock, crash injector) sharing the database, as two orchestrator processes would.
/// </summary>
internal sealed class EngineHarness : IAsyncDisposable
{
    private readonly List<ServiceProvider> _providers = [];

    private EngineHarness(string connectionString, NpgsqlDataSource dataSource)
    {
        ConnectionString = connectionString;
        DataSource = dataSource;
    }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero));

    public List<CompiledGraph> Graphs { get; } = [];

    public static async Task<EngineHarness> CreateAsync(string prefix)
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync(prefix);
        await using (var db = new OrchestratorDbContext(new DbContextOptionsBuilder<OrchestratorDbContext>().UseNpgsql(connectionString).Options))
        {
            await db.Database.MigrateAsync();
        }
        return new EngineHarness(connectionString, NpgsqlDataSource.Create(connectionString));
    }

    public static GraphEngineOptions DefaultOptions(string owner) => new()
    {
        OwnerId = owner,
        LeaseDuration = TimeSpan.FromSeconds(30),
        HeartbeatInterval = TimeSpan.FromSeconds(10),
        DefaultAttemptTimeout = TimeSpan.FromSeconds(20),
        KeepLeaseForBackoffUpTo = TimeSpan.Zero,
        RunWorker = false,
    };

    /// <summary>A replica: its own runner and engine facade on the shared database.</summary>
    public Replica Replica(string owner, TimeProvider? clock = null, ICrashInjector? crashes = null, Action<GraphEngineOptions>? configure = null)
    {
        var options = DefaultOptions(owner);
        configure?.Invoke(options);
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(DataSource);
        services.AddSingleton(clock ?? Clock);
        services.AddSingleton(Options.Create(options));
        services.AddSingleton(crashes ?? NoCrashes.Instance);
        foreach (var graph in Graphs)
        {
            services.AddSingleton(graph);
        }
        services.AddGraphEngineCore();
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return new Replica(provider.GetRequiredService<GraphRunner>(), provider.GetRequiredService<IGraphEngine>());
    }

    public async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task ExecuteAsync(string sql, params object[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }
        await DataSource.DisposeAsync();
    }
}

/// <summary>One engine replica of a test.</summary>
internal sealed record Replica(GraphRunner Runner, IGraphEngine Engine)
{
    /// <summary>Advances every claimable run until none is left (a run that backs off or pauses leaves the loop).</summary>
    public async Task<int> DrainAsync(int parallel = 16)
    {
        var total = 0;
        for (var round = 0; round < 10_000; round++)
        {
            var claimed = await Runner.RunAvailableAsync(parallel, CancellationToken.None);
            if (claimed == 0)
            {
                return total;
            }
            total += claimed;
        }
        throw new InvalidOperationException("The runs never settled.");
    }
}
