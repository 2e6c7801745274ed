using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mcs.AppHost.Local;

/// <summary>A readiness probe of a local server: a process counts as Running as soon as it starts, long before it serves.</summary>
public sealed class DelegateHealthCheck(Func<CancellationToken, Task<bool>> probe, string what) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await probe(cancellationToken) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy($"{what} not ready");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"{what} not ready: {ex.Message}");
        }
    }
}
