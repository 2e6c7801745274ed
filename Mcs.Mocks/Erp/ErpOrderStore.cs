using System.Globalization;
using System.Text;
using System.Text.Json;
using Mcs.Contracts;
using Mcs.Contracts.Orders;
using Microsoft.Extensions.Options;

namespace Mcs.Mocks.Erp;

/// <summary>
/// The ERP stand-in's orders: in memory for lookups, and appended to <c>erp-orders.jsonl</c> in
/// <c>Mocks:DataDirectory</c> before a create is answered, so orders survive a restart of the stand-in.
/// One gate serialises check-and-create, so two concurrent POSTs with one key never make two orders.
/// </summary>
public sealed class ErpOrderStore
{
    public const string FileName = "erp-orders.jsonl";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<ErpOrder> _orders = [];
    // Lookups by key: a linear search per create made the check-and-create gate O(orders) under load.
    private readonly Dictionary<string, ErpOrder> _byIdempotencyKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ErpOrder> _byExternalRef = new(StringComparer.Ordinal);
    private readonly string _path;
    private readonly TimeProvider _time;

    public ErpOrderStore(IOptions<MocksOptions> options, TimeProvider time)
    {
        _time = time;
        Directory.CreateDirectory(options.Value.DataDirectory);
        _path = Path.Combine(options.Value.DataDirectory, FileName);
        if (File.Exists(_path))
        {
            foreach (var line in File.ReadLines(_path).Where(line => line.Length > 0))
            {
                Remember(JsonSerializer.Deserialize<ErpOrder>(line, McsJson.Options)
                    ?? throw new InvalidDataException($"Unreadable line in {_path}"));
            }
        }
    }

    public async Task<(ErpCreateOutcome Outcome, ErpOrder Order)> CreateAsync(ErpOrderPayload payload, string idempotencyKey, bool ignoreIdempotencyKey, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!ignoreIdempotencyKey)
            {
                if (_byIdempotencyKey.GetValueOrDefault(idempotencyKey) is { } sameKey)
                {
                    return (ErpCreateOutcome.SameKey, sameKey);
                }
                if (_byExternalRef.GetValueOrDefault(payload.ExternalRef) is { } taken)
                {
                    return (ErpCreateOutcome.ExternalRefTaken, taken);
                }
            }
            var now = _time.GetUtcNow();
            var order = new ErpOrder
            {
                OrderId = Guid.NewGuid().ToString(),
                OrderNo = string.Create(CultureInfo.InvariantCulture, $"SO{now:yyyyMMdd}-{_orders.Count + 1:D5}"),
                ExternalRef = payload.ExternalRef,
                IdempotencyKey = idempotencyKey,
                CreatedAt = now,
                Payload = payload,
            };
            await File.AppendAllTextAsync(_path, JsonSerializer.Serialize(order, McsJson.Options) + "\n", Encoding.UTF8, cancellationToken);
            Remember(order);
            return (ErpCreateOutcome.Created, order);
        }
        finally
        {
            _gate.Release();
        }
    }

    // The first order with a key wins, as the linear search it replaces found it (a behaviour may ignore the key).
    private void Remember(ErpOrder order)
    {
        _orders.Add(order);
        _byIdempotencyKey.TryAdd(order.IdempotencyKey, order);
        _byExternalRef.TryAdd(order.ExternalRef, order);
    }

    public async Task<IReadOnlyList<ErpOrder>> AllAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return [.. _orders];
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<ErpOrder?> FindAsync(Func<ErpOrder, bool> predicate, CancellationToken cancellationToken) =>
        (await AllAsync(cancellationToken)).FirstOrDefault(predicate);

    public async Task ClearAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _orders.Clear();
            _byIdempotencyKey.Clear();
            _byExternalRef.Clear();
            await File.WriteAllTextAsync(_path, "", cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }
}
