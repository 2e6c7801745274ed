namespace Mcs.Benchmarks;

/// <summary>One named benchmark of the shared benchmark project.</summary>
public interface IBenchmark
{
    string Name { get; }
    string Description { get; }
    Task<int> RunAsync(string[] args, CancellationToken cancellationToken);
}
