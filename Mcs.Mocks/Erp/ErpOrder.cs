using Mcs.Contracts.Orders;

namespace Mcs.Mocks.Erp;

/// <summary>An order the ERP stand-in created: one line of its JSON-lines store and what its lookups answer.</summary>
public sealed record ErpOrder
{
    public required string OrderId { get; init; }
    public required string OrderNo { get; init; }
    public required string ExternalRef { get; init; }
    public required string IdempotencyKey { get; init; }
    public string Status { get; init; } = "created";
    public required DateTimeOffset CreatedAt { get; init; }
    public required ErpOrderPayload Payload { get; init; }

    public ErpOrderCreated ToCreated() => new() { OrderId = OrderId, OrderNo = OrderNo, ExternalRef = ExternalRef };
}
