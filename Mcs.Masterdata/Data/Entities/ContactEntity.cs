namespace Mcs.Masterdata.Data.Entities;

public sealed class ContactEntity
{
    public required string Id { get; set; }
    public required string CustomerId { get; set; }
    public required string Name { get; set; }
    /// <summary>As given (display).</summary>
    public required string Email { get; set; }
    /// <summary>Lower-cased <see cref="Email"/>: the unique, case-insensitive lookup key.</summary>
    public required string EmailKey { get; set; }
    public string? Phone { get; set; }
    public string? Title { get; set; }
}
