using System.Collections.Concurrent;
using Mcs.Contracts.Orders;
using Mcs.Orchestrator.Adapters.Erp;

namespace Mcs.Tests.Support.Fakes;

/// <summary>An ERP that keeps orders by idempotency key, honours lookups, and can be told to answer 422 or 5xx.</summary>
public sealed class FakeErpGateway : IErpGateway
{
    private int _creates;
    private int _calls;

    public ConcurrentDictionary<string, (ErpOrderPayload Payload, ErpOrderCreated Order)> Orders { get; } = new();

    public ErpFailure? NextFailure { get; set; }

    /// <summary>How many create calls answer <see cref="NextFailure"/> before the fault clears; null = it never clears.</summary>
    public int? FailureCount { get; set; }

    /// <summary>
    /// The order is stored before the failure is answered: a gateway that committed the order and then lost the
    /// response (a 502 from a proxy, a timeout). Only the idempotency key keeps a retry from creating a second order.
    /// </summary>
    public bool CommitBeforeFailing { get; set; }

    /// <summary>Awaited after the order is stored and before the answer: lets a test hold a call "in flight".</summary>
    public Func<CancellationToken, Task>? BeforeAnswer { get; set; }

    /// <summary>Number of fresh creates (not counting repeats of a known key).</summary>
    public int Creates => _creates;

    /// <summary>Number of create calls, repeats and failures included.</summary>
    public int Calls => _calls;

    public static ErpFailure Rejected() => new() { Code = ErpErrorCodes.Rejected, Message = "422 unknown sku", Retryable = false, HttpStatus = 422 };

    public static ErpFailure Unavailable() => new() { Code = ErpErrorCodes.Unavailable, Message = "503 down", Retryable = true, HttpStatus = 503 };

    public async Task<ErpCallResult> CreateSalesOrderAsync(ErpOrderPayload payload, string idempotencyKey, bool mayHaveBeenSentBefore, CancellationToken cancellationToken)
    {
        var call = Interlocked.Increment(ref _calls);
        var failing = NextFailure is not null && (FailureCount is not { } count || call <= count);
        if (failing && !CommitBeforeFailing)
        {
            return ErpCallResult.Failed(NextFailure!);
        }
        var existed = true;
        var entry = Orders.GetOrAdd(idempotencyKey, key =>
        {
            existed = false;
            var number = Interlocked.Increment(ref _creates);
            return (payload, new ErpOrderCreated { OrderId = "ord-" + number, OrderNo = $"SO{number:D5}", ExternalRef = payload.ExternalRef });
        });
        if (BeforeAnswer is { } hold)
        {
            await hold(cancellationToken);
        }
        if (failing)
        {
            return ErpCallResult.Failed(NextFailure!);
        }
        return ErpCallResult.Success(new ErpOrderResult
        {
            OrderId = entry.Order.OrderId, OrderNo = entry.Order.OrderNo, Outcome = existed ? ErpOrderOutcome.AlreadyExisted : ErpOrderOutcome.Created,
        });
    }

    public Task<ErpLookupResult> FindByExternalRefAsync(string externalRef, CancellationToken cancellationToken) =>
        Task.FromResult(new ErpLookupResult { Order = Orders.Values.Select(v => v.Order).FirstOrDefault(o => o.ExternalRef == externalRef) });
}
