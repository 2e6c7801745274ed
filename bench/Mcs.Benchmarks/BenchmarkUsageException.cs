namespace Mcs.Benchmarks;

/// <summary>A benchmark's command line is wrong; the catalog prints the message and the options and exits with 2.</summary>
public sealed class BenchmarkUsageException(string message) : Exception(message);
