namespace Mcs.Contracts.Results;

/// <summary>
/// The contract as extracted by the Dify contract workflow, after normalisation of numbers, dates and currencies.
/// <see cref="RawOutput"/> keeps what the LLM wrote.
/// </summary>
public sealed record DifyContractResult
{
    public required string ContractNo { get; init; }
    public required string BuyerName { get; init; }
    public required string SellerName { get; init; }
    public DateOnly? SignDate { get; init; }
    public required string Currency { get; init; }
    public required decimal TotalAmount { get; init; }
    public DateOnly? DeliveryDate { get; init; }
    public string? PaymentTerms { get; init; }
    public IReadOnlyList<ContractLineItem> LineItems { get; init; } = [];
    public double? Confidence { get; init; }
    public string RawOutput { get; init; } = "";
}
