namespace Mcs.Contracts.Email;

/// <summary>A display name and an address, as in a From/To header.</summary>
public sealed record MailAddress
{
    public string? Name { get; init; }
    public required string Address { get; init; }
}
