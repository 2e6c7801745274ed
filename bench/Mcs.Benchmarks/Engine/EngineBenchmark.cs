using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Mcs.Orchestrator.Data;
using Mcs.Orchestrator.Graph;
using Mcs.Orchestrator.Graph.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Mcs.Benchmarks.Engine;

/// <summary>
/// The graph engine's throughput: an 11-node graph whose nodes do no I/O, 32 runs in flight, against PostgreSQL with
/// fsync and synchronous_commit on. Options: <c>--seconds N</c> (default 20), <c>--inflight N</c> (default 32).
/// </summary>
public sealed class EngineBenchmark : IBenchmark
{
    private static readonly string[] Nodes = ["n01", "n02", "n03", "n04", "n05", "n06", "n07", "n08", "n09", "n10", "n11"];

    public string Name => "engine";

    public string Description => "graph engine: 11-node runs, 32 in flight, durable PostgreSQL (runs/s, commits/s, commit latency)";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var seconds = Option(args, "--seconds", 20);
        var inflight = Option(args, "--inflight", 32);
        await using var postgres = await DurablePostgres.StartAsync();
        var connectionString = postgres.ConnectionString("engine_bench");
        await using (var db = new OrchestratorDbContext(new DbContextOptionsBuilder<OrchestratorDbContext>().UseNpgsql(connectionString).Options))
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        Console.WriteLine($"postgres: fsync={await postgres.SettingAsync("fsync")} synchronous_commit={await postgres.SettingAsync("synchronous_commit")} " +
            $"full_page_writes={await postgres.SettingAsync("full_page_writes")}; {Environment.ProcessorCount} cores; {inflight} runs in flight; {seconds} s");

        if (args.Contains("--pgbench"))
        {
            Console.WriteLine($"reference: {await postgres.PgbenchTwoInsertsAsync(inflight, seconds)}");
        }
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning).AddConsole())
            .AddSingleton(dataSource)
            .AddSingleton(Options.Create(new GraphEngineOptions { OwnerId = "bench", MaxConcurrentRuns = inflight, RunWorker = false }))
            .AddSingleton<CompiledGraph>(BuildGraph())
            .AddGraphEngineCore();
        await using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<IGraphEngine>();
        var runner = provider.GetRequiredService<GraphRunner>();

        var latencies = new ConcurrentBag<double>();
        using var listener = new MeterListener();
        var recording = false;
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == GraphTelemetry.Name && instrument.Name == "mcs.graph.commit.duration")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, _, _) =>
        {
            if (Volatile.Read(ref recording))
            {
                latencies.Add(value);
            }
        });
        listener.Start();

        // Warm up (JIT, pools, prepared statements), then measure.
        await DriveAsync(engine, runner, inflight, TimeSpan.FromSeconds(3), "warm", cancellationToken);
        var cpuBefore = MachineCpu();
        var processCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        Volatile.Write(ref recording, true);
        var clock = Stopwatch.StartNew();
        var runs = await DriveAsync(engine, runner, inflight, TimeSpan.FromSeconds(seconds), "run", cancellationToken);
        clock.Stop();
        Volatile.Write(ref recording, false);
        var cpuAfter = MachineCpu();
        var processCpu = (Process.GetCurrentProcess().TotalProcessorTime - processCpuBefore).TotalSeconds;

        var elapsed = clock.Elapsed.TotalSeconds;
        var sorted = latencies.Order().ToArray();
        var commits = sorted.Length;
        var machineBusy = 1 - ((cpuAfter.Idle - cpuBefore.Idle) / (double)(cpuAfter.Total - cpuBefore.Total));
        await using (var check = dataSource.CreateCommand("select count(*) from graph_run where status <> 'succeeded'"))
        {
            Console.WriteLine($"unfinished runs after drain: {await check.ExecuteScalarAsync(cancellationToken)}");
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"runs {runs} in {elapsed:F1} s; commits {commits}; commit latency p50 {Percentile(sorted, 0.50):F2} ms, p90 {Percentile(sorted, 0.90):F2} ms, p99 {Percentile(sorted, 0.99):F2} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cpu: machine {machineBusy * 100:F0}% of {Environment.ProcessorCount} cores; this process {processCpu / elapsed * 100:F0}% of one core; " +
            $"memory: working set {Environment.WorkingSet / 1048576} MB, GC heap {GC.GetTotalMemory(false) / 1048576} MB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"engine: {runs / elapsed:F0} runs/s, {commits / elapsed:F0} commits/s, p99 commit {Percentile(sorted, 0.99):F1} ms"));
        return 0;
    }

    /// <summary>Keeps <paramref name="inflight"/> loops each starting a run and advancing one claimable run to its end.</summary>
    private static async Task<long> DriveAsync(IGraphEngine engine, GraphRunner runner, int inflight, TimeSpan duration, string prefix, CancellationToken cancellationToken)
    {
        long completed = 0;
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, inflight).Select(loop => Task.Run(async () =>
        {
            for (var i = 0; Stopwatch.GetTimestamp() < deadline && !cancellationToken.IsCancellationRequested; i++)
            {
                await engine.StartRunAsync("bench", $"{prefix}-{loop}-{i}", new BenchState(), null, cancellationToken);
                Interlocked.Add(ref completed, await runner.RunAvailableAsync(1, cancellationToken));
            }
        }, cancellationToken)));
        // Runs started but not claimed in time by the loops: finish them so the next phase starts clean.
        while (await runner.RunAvailableAsync(inflight, cancellationToken) is > 0 and var more)
        {
            completed += more;
        }
        return completed;
    }

    private static CompiledGraph<BenchState> BuildGraph()
    {
        var builder = new GraphBuilder<BenchState>("bench", 1, "11 nodes without I/O");
        foreach (var node in Nodes)
        {
            builder.Node(node, (s, ctx, ct) => NodeResult.ContinueTask(s with { Counter = s.Counter + 1 }));
        }
        builder.Start(Nodes[0]);
        for (var i = 0; i < Nodes.Length - 1; i++)
        {
            builder.Edge(Nodes[i], Nodes[i + 1]);
        }
        return builder.Edge(Nodes[^1], GraphNames.End).Outcome(_ => "succeeded").Build();
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    private static (long Idle, long Total) MachineCpu()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
        return (fields[3] + fields[4], fields.Sum());
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
