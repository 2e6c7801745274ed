using System.Collections.Concurrent;
using Mcs.Contracts.Orders;
using Mcs.Orchestrator.Adapters.Erp;

namespace Mcs.Tests.Support.Fakes;

/// <summary>An ERP that keeps orders by idempotency key, honours lookups, and can be told to answer 422 or 5xx.</summary>
public sealed class FakeErpGateway : IErpGateway
{
    private int _creates;

    public ConcurrentDictionary<string, (ErpOrderPayload Payload, ErpOrderCreated Order)> Orders { get; } = new();

    public ErpFailure? NextFailure { get; set; }

    /// <summary>Number of fresh creates (not counting repeats of a known key).</summary>
    public int Creates => _creates;

    public static ErpFailure Rejected() => new() { Code = ErpErrorCodes.Rejected, Message = "422 unknown sku", Retryable = false, HttpStatus = 422 };

    public static ErpFailure Unavailable() => new() { Code = ErpErrorCodes.Unavailable, Message = "503 down", Retryable = true, HttpStatus = 503 };

    public Task<ErpCallResult> CreateSalesOrderAsync(ErpOrderPayload payload, string idempotencyKey, bool mayHaveBeenSentBefore, CancellationToken cancellationToken)
    {
        if (NextFailure is { } failure)
        {
            return Task.FromResult(ErpCallResult.Failed(failure));
        }
        var existed = true;
        var entry = Orders.GetOrAdd(idempotencyKey, key =>
        {
            existed = false;
            var number = Interlocked.Increment(ref _creates);
            return (payload, new ErpOrderCreated { OrderId = "ord-" + number, OrderNo = $"SO{number:D5}", ExternalRef = payload.ExternalRef });
        });
        return Task.FromResult(ErpCallResult.Success(new ErpOrderResult
        {
            OrderId = entry.Order.OrderId, OrderNo = entry.Order.OrderNo, Outcome = existed ? ErpOrderOutcome.AlreadyExisted : ErpOrderOutcome.Created,
        }));
    }

    public Task<ErpLookupResult> FindByExternalRefAsync(string externalRef, CancellationToken cancellationToken) =>
        Task.FromResult(new ErpLookupResult { Order = Orders.Values.Select(v => v.Order).FirstOrDefault(o => o.ExternalRef == externalRef) });
}
