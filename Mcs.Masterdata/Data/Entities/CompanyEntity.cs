namespace Mcs.Masterdata.Data.Entities;

public sealed class CompanyEntity
{
    public required string Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public List<string> Aliases { get; set; } = [];
    public string? TaxId { get; set; }
    public List<string> EmailDomains { get; set; } = [];
}
