using Microsoft.AspNetCore.Http;

namespace Mcs.ServiceDefaults;

/// <summary>Every MCS component names its ActivitySource and Meter <c>Mcs.*</c>, so one wildcard collects them all.</summary>
public static class TelemetryNames
{
    public const string SourceWildcard = "Mcs.*";
    public const string MeterWildcard = "Mcs.*";

    public static bool IsHealthPath(PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments("/alive") || path.StartsWithSegments("/v1/healthz");
}
