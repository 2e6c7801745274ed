using System.Globalization;
using Microsoft.Extensions.Configuration;
using OpenTelemetry.Trace;

namespace Mcs.ServiceDefaults;

/// <summary>
/// <c>Mcs:Telemetry:TraceSampleRatio</c> (0–1, default 1 = every trace): the share of new traces recorded. Parent-based,
/// so a run's trace is kept or dropped as a whole across the services it crosses. Metrics and logs are not sampled.
/// </summary>
public static class TraceSampling
{
    public const string RatioKey = "Mcs:Telemetry:TraceSampleRatio";

    public static Sampler FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var ratio = Ratio(configuration[RatioKey]);
        return ratio >= 1 ? new ParentBasedSampler(new AlwaysOnSampler()) : new ParentBasedSampler(new TraceIdRatioBasedSampler(ratio));
    }

    public static double Ratio(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return 1;
        }
        if (!double.TryParse(configured, NumberStyles.Float, CultureInfo.InvariantCulture, out var ratio) || double.IsNaN(ratio) || ratio is < 0 or > 1)
        {
            // A start-up failure names the setting instead of silently tracing everything or nothing.
            throw new InvalidOperationException($"{RatioKey} must be a number from 0 to 1; it is '{configured}'.");
        }
        return ratio;
    }
}
