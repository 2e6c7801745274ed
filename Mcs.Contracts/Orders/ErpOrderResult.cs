namespace Mcs.Contracts.Orders;

public sealed record ErpOrderResult
{
    public required string OrderId { get; init; }
    public required string OrderNo { get; init; }
    public required ErpOrderOutcome Outcome { get; init; }
}
