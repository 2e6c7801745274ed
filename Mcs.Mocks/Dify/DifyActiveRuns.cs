using System.Collections.Concurrent;

namespace Mcs.Mocks.Dify;

/// <summary>Dify's per-app concurrency cap (<c>max_active_requests</c>): over it, a run is refused with 429.</summary>
public sealed class DifyActiveRuns
{
    private readonly ConcurrentDictionary<string, StrongBox> _active = new();

    public bool TryEnter(string workflow, int cap, out IDisposable lease)
    {
        var counter = _active.GetOrAdd(workflow, _ => new StrongBox());
        var now = Interlocked.Increment(ref counter.Value);
        lease = new Lease(counter);
        if (cap > 0 && now > cap)
        {
            lease.Dispose();
            return false;
        }
        return true;
    }

    private sealed class StrongBox
    {
        public int Value;
    }

    private sealed class Lease(StrongBox counter) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref counter.Value);
            }
        }
    }
}
