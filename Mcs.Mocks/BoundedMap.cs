using System.Collections.Concurrent;

namespace Mcs.Mocks;

/// <summary>
/// A concurrent map that keeps at most <c>capacity</c> entries, evicting the oldest added first. The stand-ins keep
/// uploads, runs and calls only so the <c>/_mock/</c> read endpoints and tests can see recent ones; without a bound a
/// load run grows the process without end (1.1 GB after a few thousand 100 KB uploads).
/// </summary>
public sealed class BoundedMap<TKey, TValue>(int capacity) where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _items = new();
    private readonly ConcurrentQueue<TKey> _order = new();

    public int Count => _items.Count;

    public void Add(TKey key, TValue value)
    {
        if (_items.TryAdd(key, value))
        {
            _order.Enqueue(key);
        }
        else
        {
            _items[key] = value;
        }
        while (_items.Count > capacity && _order.TryDequeue(out var oldest))
        {
            _items.TryRemove(oldest, out _);
        }
    }

    public TValue? Find(TKey key) => _items.GetValueOrDefault(key);

    public bool TryGet(TKey key, out TValue value) => _items.TryGetValue(key, out value!);

    public void Clear()
    {
        _items.Clear();
        _order.Clear();
    }
}
