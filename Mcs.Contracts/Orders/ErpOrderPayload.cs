namespace Mcs.Contracts.Orders;

/// <summary>
/// The order sent to the ERP gateway. <see cref="CustomerNum"/>, <see cref="CompanyCode"/> and
/// <see cref="ExternalRef"/> are always set by us, never taken from the LLM.
/// </summary>
public sealed record ErpOrderPayload
{
    public required string ExternalRef { get; init; }
    public required string CompanyCode { get; init; }
    public required string CustomerNum { get; init; }
    public required DateOnly OrderDate { get; init; }
    public required string Currency { get; init; }
    public required string ContractNo { get; init; }
    public DateOnly? RequestedDeliveryDate { get; init; }
    public string? PaymentTerms { get; init; }
    public IReadOnlyList<ErpOrderLine> Lines { get; init; } = [];
    public required decimal TotalAmount { get; init; }
}
