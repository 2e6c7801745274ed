using System.Collections.Concurrent;

namespace Mcs.Mocks.Dify;

/// <summary>Every call, in arrival order, so a test can count retries and see what the client sent.</summary>
public sealed class DifyCallLog
{
    private readonly ConcurrentQueue<DifyCall> _calls = new();

    public void Add(DifyCall call) => _calls.Enqueue(call);

    public IReadOnlyList<DifyCall> All() => [.. _calls];

    public void Clear() => _calls.Clear();
}
