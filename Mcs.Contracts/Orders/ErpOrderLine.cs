namespace Mcs.Contracts.Orders;

public sealed record ErpOrderLine
{
    public required int LineNo { get; init; }
    public required string Sku { get; init; }
    public required decimal Quantity { get; init; }
    public required string Unit { get; init; }
    public required decimal UnitPrice { get; init; }
    public required decimal Amount { get; init; }
}
