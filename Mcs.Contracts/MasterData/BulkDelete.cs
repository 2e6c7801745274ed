namespace Mcs.Contracts.MasterData;

/// <summary>Ids to delete in a bulk change.</summary>
public sealed record BulkDelete
{
    public IReadOnlyList<string>? Companies { get; init; }
    public IReadOnlyList<string>? Customers { get; init; }
    public IReadOnlyList<string>? Contacts { get; init; }
    public IReadOnlyList<string>? Products { get; init; }
}
