using System.Text.Json;
using Mcs.Contracts;
using Mcs.Contracts.Health;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mcs.ServiceDefaults;

/// <summary>
/// <c>/health</c> (every check; 200 while healthy or degraded), <c>/alive</c> (liveness only) and
/// <c>/v1/healthz</c> (the checks as JSON: degraded still answers 200, only unhealthy answers 503).
/// </summary>
public static class HealthEndpoints
{
    public const string LiveTag = "live";

    public static WebApplication MapMcsHealthEndpoints(this WebApplication app)
    {
        var statusCodes = new Dictionary<HealthStatus, int>
        {
            [HealthStatus.Healthy] = StatusCodes.Status200OK,
            [HealthStatus.Degraded] = StatusCodes.Status200OK,
            [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
        };
        app.MapHealthChecks("/health", new HealthCheckOptions { ResultStatusCodes = statusCodes }).AllowAnonymous();
        app.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = r => r.Tags.Contains(LiveTag) }).AllowAnonymous();
        app.MapHealthChecks("/v1/healthz", new HealthCheckOptions
        {
            ResultStatusCodes = statusCodes,
            ResponseWriter = WriteJsonAsync,
        }).AllowAnonymous();
        return app;
    }

    public static HealthReportDto ToDto(HealthReport report) => new(
        StatusName(report.Status),
        report.Entries.ToDictionary(
            entry => entry.Key,
            entry => new HealthCheckDto(StatusName(entry.Value.Status), entry.Value.Description, entry.Value.Duration.TotalMilliseconds)));

    private static Task WriteJsonAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, ToDto(report), McsJsonContext.Default.HealthReportDto);
    }

    private static string StatusName(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };
}
