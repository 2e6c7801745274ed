using Mcs.Benchmarks;

// dotnet run -c Release --project bench/Mcs.Benchmarks -- <name> [options]
// Each benchmark prints its headline figures as its last line.
return await BenchmarkCatalog.RunAsync(args);
