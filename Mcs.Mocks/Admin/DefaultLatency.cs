using System.ComponentModel.DataAnnotations;

namespace Mcs.Mocks.Admin;

/// <summary><c>GET|PUT /_mock/dify/default-latency</c>: simulated latency of unscripted Dify runs.</summary>
public sealed record DefaultLatency([property: Range(0, 3_600_000)] int DelayMs);
