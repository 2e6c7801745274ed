namespace Mcs.Benchmarks.Masterdata;

/// <summary>Requests per second and latency percentiles of one load phase.</summary>
public sealed record LoadResult(int Requests, double Seconds, double P50Ms, double P99Ms, double MaxMs)
{
    public double PerSecond => Requests / Seconds;

    public static LoadResult From(List<double> latenciesMs, double seconds)
    {
        latenciesMs.Sort();
        double At(double q) => latenciesMs.Count == 0 ? 0 : latenciesMs[Math.Min(latenciesMs.Count - 1, (int)Math.Ceiling(q * latenciesMs.Count) - 1)];
        return new LoadResult(latenciesMs.Count, seconds, At(0.50), At(0.99), latenciesMs.Count == 0 ? 0 : latenciesMs[^1]);
    }

    public override string ToString() => $"{PerSecond:0} req/s, p50 {P50Ms:0.00} ms, p99 {P99Ms:0.00} ms, max {MaxMs:0.0} ms ({Requests} requests in {Seconds:0.0} s)";
}
