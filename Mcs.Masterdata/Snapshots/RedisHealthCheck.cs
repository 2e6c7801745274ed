using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mcs.Masterdata.Snapshots;

/// <summary>Redis is a cache here: down means <c>degraded</c> (still serving from PostgreSQL), never unhealthy.</summary>
public sealed class RedisHealthCheck(RedisSnapshotStore redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!redis.IsConfigured)
        {
            return HealthCheckResult.Healthy("Redis not configured: memory-only cache.");
        }
        var latency = await redis.PingAsync();
        return latency is { } ping
            ? HealthCheckResult.Healthy($"Redis answered in {ping.TotalMilliseconds:0.0} ms.")
            : HealthCheckResult.Degraded("Redis unreachable: serving from PostgreSQL and memory; reconnecting.");
    }
}
