using System.Diagnostics.CodeAnalysis;
using Mcs.Contracts.Orders;

namespace Mcs.Orchestrator.Adapters.Erp;

/// <summary>The order (created now or found) or a classified failure; exactly one is set.</summary>
public sealed record ErpCallResult
{
    public ErpOrderResult? Order { get; init; }
    public ErpFailure? Failure { get; init; }

    [MemberNotNullWhen(true, nameof(Order))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Order is not null;

    public static ErpCallResult Success(ErpOrderResult order) => new() { Order = order };

    public static ErpCallResult Failed(ErpFailure failure) => new() { Failure = failure };
}
