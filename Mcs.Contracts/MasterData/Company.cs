namespace Mcs.Contracts.MasterData;

/// <summary>One of our own selling legal entities: the ERP company code that appears as seller in a contract.</summary>
public sealed record Company
{
    public required string CompanyId { get; init; }
    public required string Code { get; init; }
    public required string Name { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public string? TaxId { get; init; }
    /// <summary>Our own mail domains: a mail from one of them is internal (e.g. a forwarded customer order).</summary>
    public IReadOnlyList<string> EmailDomains { get; init; } = [];
}
