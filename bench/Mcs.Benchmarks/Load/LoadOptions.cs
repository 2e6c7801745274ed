using System.Globalization;

namespace Mcs.Benchmarks.Load;

/// <summary>Command line of the <c>load</c> benchmark; defaults are the README's fixed local ports and key.</summary>
public sealed record LoadOptions
{
    public int DifyLatencyMs { get; init; }
    public double Rate { get; init; } = 20;
    public double Seconds { get; init; } = 60;
    public int InFlight { get; init; } = 256;
    public Uri BaseUrl { get; init; } = new("http://127.0.0.1:7102");
    public Uri MocksUrl { get; init; } = new("http://127.0.0.1:7104");
    public string ApiKey { get; init; } = "mcs-local-dev-api-key";

    /// <summary>Runs still not settled this long after the last request are counted as lost.</summary>
    public double SettleTimeoutSeconds { get; init; } = 300;

    public int TotalRuns => (int)Math.Ceiling(Rate * Seconds);

    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new BenchmarkUsageException($"{args[i]} needs a value");
            options = Apply(options, args[i], value);
            i++;
        }
        if (options.Rate <= 0 || options.Seconds <= 0 || options.InFlight <= 0)
        {
            throw new BenchmarkUsageException("--rate, --seconds and --in-flight must be positive");
        }
        return options;
    }

    private static LoadOptions Apply(LoadOptions options, string name, string value)
    {
        try
        {
            return name switch
            {
                "--dify-latency-ms" => options with { DifyLatencyMs = int.Parse(value, CultureInfo.InvariantCulture) },
                "--rate" => options with { Rate = double.Parse(value, CultureInfo.InvariantCulture) },
                "--seconds" => options with { Seconds = double.Parse(value, CultureInfo.InvariantCulture) },
                "--in-flight" => options with { InFlight = int.Parse(value, CultureInfo.InvariantCulture) },
                "--base-url" => options with { BaseUrl = new Uri(value) },
                "--mocks-url" => options with { MocksUrl = new Uri(value) },
                "--api-key" => options with { ApiKey = value },
                "--settle-timeout" => options with { SettleTimeoutSeconds = double.Parse(value, CultureInfo.InvariantCulture) },
                _ => throw new BenchmarkUsageException($"unknown option {name}"),
            };
        }
        catch (Exception exception) when (exception is FormatException or OverflowException or UriFormatException)
        {
            throw new BenchmarkUsageException($"{name} {value}: {exception.Message}");
        }
    }
}
