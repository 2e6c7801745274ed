namespace Mcs.Contracts.Health;

public sealed record HealthCheckDto(string Status, string? Description, double DurationMs);
