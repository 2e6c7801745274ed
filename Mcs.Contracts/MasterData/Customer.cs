namespace Mcs.Contracts.MasterData;

/// <summary>A buyer.</summary>
public sealed record Customer
{
    public required string CustomerId { get; init; }
    public required string CustomerNum { get; init; }
    public required string Name { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public IReadOnlyList<string> EmailDomains { get; init; } = [];
    public string? TaxId { get; init; }
    public required string SalesOwnerEmail { get; init; }
    public required string Currency { get; init; }
    public string? PaymentTerms { get; init; }
    public CustomerStatus Status { get; init; } = CustomerStatus.Active;
}
