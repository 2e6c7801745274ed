namespace Mcs.Contracts.MasterData;

/// <summary>The whole master data at one version (<c>MasterData</c> on the wire).</summary>
public sealed record MasterDataSnapshot
{
    public required long Version { get; init; }
    public IReadOnlyList<Company> Companies { get; init; } = [];
    public IReadOnlyList<Customer> Customers { get; init; } = [];
    public IReadOnlyList<Contact> Contacts { get; init; } = [];
    public IReadOnlyList<Product> Products { get; init; } = [];
}
