namespace Mcs.Contracts.Runs;

/// <summary>Body of <c>POST /v1/orchestrations/sales-email/replay</c>.</summary>
public sealed record ReplayRequest
{
    public required string RunId { get; init; }
    public string? FromNode { get; init; }
}
