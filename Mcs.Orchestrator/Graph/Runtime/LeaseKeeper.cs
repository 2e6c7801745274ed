using System.Collections.Concurrent;

namespace Mcs.Orchestrator.Graph.Runtime;

/// <summary>
/// Renews every lease this replica holds on a dedicated timer (graph-engine.md §4.6), never on a node's thread, so a
/// node that blocks cannot starve its own heartbeat. A run whose renewal matches no row is lost: its token is cancelled.
/// </summary>
internal sealed class LeaseKeeper : IAsyncDisposable
{
    private readonly GraphStore _store;
    private readonly TimeProvider _clock;
    private readonly string _ownerId;
    private readonly TimeSpan _lease;
    private readonly ConcurrentDictionary<Guid, HeldLease> _held = new();
    private readonly ITimer _timer;
    private readonly Action<Exception> _onError;
    private int _renewing;

    public LeaseKeeper(GraphStore store, TimeProvider clock, string ownerId, TimeSpan lease, TimeSpan interval, Action<Exception> onError)
    {
        _store = store;
        _clock = clock;
        _ownerId = ownerId;
        _lease = lease;
        _onError = onError;
        _timer = clock.CreateTimer(_ => _ = RenewAsync(), null, interval, interval);
    }

    /// <summary>Test hook: a paused keeper renews nothing (a replica whose heartbeat stalls).</summary>
    public bool Paused { get; set; }

    public HeldLease Hold(Guid runId, long token)
    {
        var held = new HeldLease(runId, token);
        _held[runId] = held;
        return held;
    }

    public void Drop(HeldLease lease)
    {
        _held.TryRemove(new KeyValuePair<Guid, HeldLease>(lease.RunId, lease));
        lease.Dispose();
    }

    /// <summary>One renewal round; also called directly by tests.</summary>
    public async Task RenewAsync()
    {
        if (Paused || _held.IsEmpty || Interlocked.Exchange(ref _renewing, 1) == 1)
        {
            return;
        }
        try
        {
            var snapshot = _held.Values.ToArray();
            var renewed = await _store.RenewLeasesAsync(_ownerId, snapshot.Select(h => (h.RunId, h.Token)).ToArray(), _clock.GetUtcNow() + _lease, CancellationToken.None);
            foreach (var lost in snapshot.Where(h => !renewed.Contains(h.RunId)))
            {
                lost.MarkLost();
            }
        }
        catch (Exception exception)
        {
            // A failed renewal is not a lost lease; the next round tries again, and the commit fence stays the last word.
            _onError(exception);
        }
        finally
        {
            Volatile.Write(ref _renewing, 0);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _timer.DisposeAsync();
        foreach (var held in _held.Values)
        {
            held.Dispose();
        }
    }
}

/// <summary>A lease this replica holds; <see cref="Lost"/> is cancelled when a renewal finds it gone.</summary>
internal sealed class HeldLease(Guid runId, long token) : IDisposable
{
    private readonly CancellationTokenSource _lost = new();

    public Guid RunId { get; } = runId;

    public long Token { get; } = token;

    public CancellationToken Lost => _lost.Token;

    public bool IsHeld => !_lost.IsCancellationRequested;

    public void MarkLost()
    {
        try
        {
            _lost.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Dropped meanwhile: nobody listens any more.
        }
    }

    public void Dispose() => _lost.Dispose();
}
