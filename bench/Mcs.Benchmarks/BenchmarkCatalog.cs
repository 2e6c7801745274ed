namespace Mcs.Benchmarks;

/// <summary>The list of benchmarks; each issue adds its own entry here.</summary>
public static class BenchmarkCatalog
{
    private static readonly IBenchmark[] All =
    [
        new Engine.EngineBenchmark(),
        new Masterdata.MasterdataBenchmark(),
        new Mime.MimeParseBenchmark(),
        new Load.LoadBenchmark(),
        new Ingest.IngestBenchmark(),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var benchmark = args.Length > 0 ? All.FirstOrDefault(b => b.Name.Equals(args[0], StringComparison.OrdinalIgnoreCase)) : null;
        if (benchmark is null)
        {
            Console.Error.WriteLine("usage: dotnet run -c Release --project bench/Mcs.Benchmarks -- <name> [options]");
            foreach (var known in All)
            {
                Console.Error.WriteLine($"  {known.Name,-12} {known.Description}");
            }
            return 2;
        }
        if (args.Skip(1).Any(a => a is "--help" or "-h"))
        {
            Console.WriteLine($"{benchmark.Name}: {benchmark.Description}");
            return 0;
        }
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancellation.Cancel(); };
        try
        {
            return await benchmark.RunAsync(args[1..], cancellation.Token);
        }
        catch (BenchmarkUsageException usage)
        {
            // A mistyped option is the user's to fix: one line saying which, and the options, not a stack trace.
            Console.Error.WriteLine($"{benchmark.Name}: {usage.Message}");
            Console.Error.WriteLine($"  {benchmark.Description}");
            return 2;
        }
    }
}
