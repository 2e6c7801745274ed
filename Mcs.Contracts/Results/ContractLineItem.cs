namespace Mcs.Contracts.Results;

public sealed record ContractLineItem
{
    public required string Description { get; init; }
    public string? Sku { get; init; }
    public string? CustomerPartNo { get; init; }
    public required decimal Quantity { get; init; }
    public required string Unit { get; init; }
    public required decimal UnitPrice { get; init; }
    public required decimal Amount { get; init; }
}
