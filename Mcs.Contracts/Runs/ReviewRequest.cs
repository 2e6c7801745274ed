using Mcs.Contracts.Orders;

namespace Mcs.Contracts.Runs;

/// <summary>Body of <c>POST /v1/orchestrations/runs/{run_id}/review</c>.</summary>
public sealed record ReviewRequest
{
    public required ReviewDecision Decision { get; init; }
    public required string Reviewer { get; init; }
    public string? Reason { get; init; }
    public ErpOrderPayload? Payload { get; init; }
}
