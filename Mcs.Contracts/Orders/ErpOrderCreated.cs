namespace Mcs.Contracts.Orders;

/// <summary>What the ERP gateway answers to <c>POST /v1/sales-orders</c> (201, 200 on a repeated key, 409 body).</summary>
public sealed record ErpOrderCreated
{
    public required string OrderId { get; init; }
    public required string OrderNo { get; init; }
    public required string ExternalRef { get; init; }
}
