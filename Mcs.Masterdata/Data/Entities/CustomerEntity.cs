namespace Mcs.Masterdata.Data.Entities;

public sealed class CustomerEntity
{
    public required string Id { get; set; }
    public required string CustomerNum { get; set; }
    public required string Name { get; set; }
    public List<string> Aliases { get; set; } = [];
    public List<string> EmailDomains { get; set; } = [];
    public string? TaxId { get; set; }
    public required string SalesOwnerEmail { get; set; }
    public required string Currency { get; set; }
    public string? PaymentTerms { get; set; }
    /// <summary><c>active</c> or <c>blocked</c>, as on the wire.</summary>
    public required string Status { get; set; }
}
