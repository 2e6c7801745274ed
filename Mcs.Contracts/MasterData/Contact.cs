namespace Mcs.Contracts.MasterData;

/// <summary>A person at a customer.</summary>
public sealed record Contact
{
    public required string ContactId { get; init; }
    public required string CustomerId { get; init; }
    public required string Name { get; init; }
    public required string Email { get; init; }
    public string? Phone { get; init; }
    public string? Title { get; init; }
}
