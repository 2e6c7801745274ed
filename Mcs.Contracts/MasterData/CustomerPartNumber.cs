namespace Mcs.Contracts.MasterData;

/// <summary>The code a customer uses for one of our products.</summary>
public sealed record CustomerPartNumber
{
    public required string CustomerId { get; init; }
    public required string PartNo { get; init; }
}
