using System.Globalization;

namespace Mcs.Benchmarks.Load;

/// <summary>Figures of a load run: statuses, errors, throughput and latency percentiles.</summary>
public sealed record LoadReport(RunOutcome[] Runs)
{
    public int Succeeded => Runs.Count(r => r.Status == "succeeded");

    public int Errors => Runs.Count(r => r.Error is not null || r.Status is "failed" or "rejected");

    public int Lost => Runs.Count(r => r.Error == "lost");

    /// <summary>Settled runs per second, from the first scheduled request to the last settled run.</summary>
    public double Throughput => Settled.Length == 0 ? 0 : Settled.Length / Settled.Max(r => r.Settled).TotalSeconds;

    public TimeSpan LastSent => Runs.Length == 0 ? TimeSpan.Zero : Runs.Max(r => r.Sent);

    private RunOutcome[] Settled => [.. Runs.Where(r => r.Status is not null)];

    public double LatencyPercentile(double p) => Percentile([.. Settled.Select(r => r.Latency.TotalSeconds)], p);

    /// <summary>
    /// The percentile of the latency of the runs scheduled in each <paramref name="window"/> of the schedule, in order
    /// (NaN for a window none of whose runs settled): where in the minute a stall was.
    /// </summary>
    public double[] LatencyPercentileByWindow(TimeSpan window, double p)
    {
        if (Runs.Length == 0)
        {
            return [];
        }
        var windows = (int)(Runs.Max(r => r.Scheduled) / window) + 1;
        var byWindow = Settled.ToLookup(r => (int)(r.Scheduled / window));
        return [.. Enumerable.Range(0, windows).Select(i => Percentile([.. byWindow[i].Select(r => r.Latency.TotalSeconds)], p))];
    }

    public double AnswerPercentile(double p) => Percentile([.. Runs.Where(r => r.Answered > TimeSpan.Zero).Select(r => (r.Answered - r.Sent).TotalSeconds)], p);

    public void Print()
    {
        var statuses = string.Join(", ", Runs.GroupBy(r => r.Status ?? "(none)").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));
        var errors = string.Join(", ", Runs.Where(r => r.Error is not null).GroupBy(r => r.Error).Select(g => $"{g.Key} ×{g.Count()}"));
        Console.WriteLine($"runs: {Runs.Length}; statuses: {statuses}");
        Console.WriteLine($"errors: {Errors}{(errors.Length > 0 ? $" ({errors})" : "")}; lost (never settled): {Lost}");
        Console.WriteLine(F($"last request sent at {LastSent.TotalSeconds:0.0} s; throughput {Throughput:0.0} settled runs/s"));
        Console.WriteLine(F($"latency scheduled → settled: p50 {LatencyPercentile(50):0.000} s, p95 {LatencyPercentile(95):0.000} s, p99 {LatencyPercentile(99):0.000} s, max {LatencyPercentile(100):0.000} s"));
        var perWindow = LatencyPercentileByWindow(TimeSpan.FromSeconds(10), 99).Select(v => v.ToString("0.00", CultureInfo.InvariantCulture));
        Console.WriteLine($"latency p99 per 10 s of the schedule: {string.Join(" | ", perWindow)} s");
        Console.WriteLine(F($"POST /run answer time: p50 {AnswerPercentile(50):0.000} s, p99 {AnswerPercentile(99):0.000} s (the endpoint waits up to its RunWaitTimeout for the run)"));
    }

    private static double Percentile(double[] values, double p)
    {
        if (values.Length == 0)
        {
            return double.NaN;
        }
        Array.Sort(values);
        var rank = (int)Math.Ceiling(p / 100 * values.Length) - 1;
        return values[Math.Clamp(rank, 0, values.Length - 1)];
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
