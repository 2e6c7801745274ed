namespace Mcs.Masterdata.Data.Entities;

public sealed class CustomerPartNumberEntity
{
    public required string ProductId { get; set; }
    public required string CustomerId { get; set; }
    public required string PartNo { get; set; }
}
