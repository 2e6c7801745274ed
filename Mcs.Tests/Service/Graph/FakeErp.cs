using System.Collections.Concurrent;

namespace Mcs.Tests.Service.Graph;

/// <summary>
/// The ERP stand-in of graph-engine.md §5: counts creates, may ignore the idempotency key, finds orders by their
/// reference (the key is also sent there), and can time out after creating.
/// </summary>
public sealed class FakeErp
{
    private readonly ConcurrentDictionary<string, string> _ordersByReference = new();
    private int _creates;
    private int _timeoutsAfterCreate;

    /// <summary>When false the ERP creates a new order for every request, key or not.</summary>
    public bool HonorsIdempotencyKey { get; init; } = true;

    public int Creates => Volatile.Read(ref _creates);

    /// <summary>The next <paramref name="count"/> creates succeed inside the ERP but the caller gets a timeout.</summary>
    public void TimeOutAfterCreate(int count) => Volatile.Write(ref _timeoutsAfterCreate, count);

    public Task<ErpOrder> CreateOrderAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        string number;
        if (HonorsIdempotencyKey && _ordersByReference.TryGetValue(idempotencyKey, out var existing))
        {
            number = existing;
        }
        else
        {
            number = $"SO-{Interlocked.Increment(ref _creates):D5}";
            _ordersByReference[idempotencyKey] = number;
        }
        if (Interlocked.Decrement(ref _timeoutsAfterCreate) >= 0)
        {
            throw new TimeoutException("The ERP did not answer in time.");
        }
        return Task.FromResult(new ErpOrder(number, idempotencyKey));
    }

    public Task<ErpOrder?> FindByReferenceAsync(string reference, CancellationToken cancellationToken) =>
        Task.FromResult(_ordersByReference.TryGetValue(reference, out var number) ? new ErpOrder(number, reference) : null);
}

public sealed record ErpOrder(string Number, string Reference);
