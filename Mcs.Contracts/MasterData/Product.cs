namespace Mcs.Contracts.MasterData;

public sealed record Product
{
    public required string ProductId { get; init; }
    public required string Sku { get; init; }
    public required string Name { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public IReadOnlyList<CustomerPartNumber> CustomerPartNumbers { get; init; } = [];
    public required string Unit { get; init; }
    public required decimal UnitPrice { get; init; }
    public required string Currency { get; init; }
    public ProductStatus Status { get; init; } = ProductStatus.Active;
}
