using Mcs.Contracts.Orders;

namespace Mcs.Orchestrator.Adapters.Erp;

/// <summary>
/// The customer's ERP gateway (architecture.md, "ERP gateway contract"). Creating an order is idempotent by the
/// <c>Idempotency-Key</c> header AND by <c>payload.ExternalRef</c> (the gateway answers 409 with the existing order);
/// both must be derived from the run lineage's effect key, never from the attempt. Only cancellation throws.
/// </summary>
public interface IErpGateway
{
    /// <summary>
    /// Creates the order, or finds the one an earlier attempt created. When <paramref name="mayHaveBeenSentBefore"/>
    /// is true (a retried or resumed node), the order is first looked up by <c>external_ref</c>, so a gateway that
    /// ignores <c>Idempotency-Key</c> still gets no second order. The client does the same before its own resends.
    /// </summary>
    Task<ErpCallResult> CreateSalesOrderAsync(ErpOrderPayload payload, string idempotencyKey, bool mayHaveBeenSentBefore, CancellationToken cancellationToken);

    /// <summary>The order with this external reference, none, or a failure when the gateway could not be asked.</summary>
    Task<ErpLookupResult> FindByExternalRefAsync(string externalRef, CancellationToken cancellationToken);
}
