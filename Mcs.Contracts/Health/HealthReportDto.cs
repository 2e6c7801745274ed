namespace Mcs.Contracts.Health;

/// <summary><c>/v1/healthz</c>: <c>{status: healthy|degraded|unhealthy, checks{...}}</c>.</summary>
public sealed record HealthReportDto(string Status, IReadOnlyDictionary<string, HealthCheckDto> Checks);
