namespace Mcs.Contracts.MasterData;

/// <summary>Body of <c>PUT /v1/masterdata/bulk</c>: upserts and deletes in one transaction, one version bump.</summary>
public sealed record BulkChange
{
    public IReadOnlyList<Company>? Companies { get; init; }
    public IReadOnlyList<Customer>? Customers { get; init; }
    public IReadOnlyList<Contact>? Contacts { get; init; }
    public IReadOnlyList<Product>? Products { get; init; }
    public BulkDelete? Delete { get; init; }
}
