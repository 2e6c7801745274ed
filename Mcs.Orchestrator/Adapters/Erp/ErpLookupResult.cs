using Mcs.Contracts.Orders;

namespace Mcs.Orchestrator.Adapters.Erp;

/// <summary>Lookup by external_ref: <see cref="Order"/> when found, neither set when the gateway said 404.</summary>
public sealed record ErpLookupResult
{
    public ErpOrderCreated? Order { get; init; }
    public ErpFailure? Failure { get; init; }

    public bool Found => Order is not null;
}
