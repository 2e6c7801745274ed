namespace Mcs.Masterdata.Data.Entities;

public sealed class ProductEntity
{
    public required string Id { get; set; }
    public required string Sku { get; set; }
    public required string Name { get; set; }
    public List<string> Aliases { get; set; } = [];
    public required string Unit { get; set; }
    public decimal UnitPrice { get; set; }
    public required string Currency { get; set; }
    /// <summary><c>active</c> or <c>discontinued</c>, as on the wire.</summary>
    public required string Status { get; set; }
    public List<CustomerPartNumberEntity> PartNumbers { get; set; } = [];
}
