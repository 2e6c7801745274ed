using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Mcs.Mocks.Dify;

/// <summary>
/// Every call, in arrival order, so a test can count retries and see what the client sent; the newest
/// <see cref="MocksOptions.DifyRetainedCalls"/> only, so a load run does not grow it without end.
/// </summary>
public sealed class DifyCallLog(IOptions<MocksOptions> options)
{
    private readonly ConcurrentQueue<DifyCall> _calls = new();
    private readonly int _capacity = options.Value.DifyRetainedCalls;

    public void Add(DifyCall call)
    {
        _calls.Enqueue(call);
        while (_calls.Count > _capacity && _calls.TryDequeue(out _))
        {
            // the oldest call leaves the log
        }
    }

    public IReadOnlyList<DifyCall> All() => [.. _calls];

    public void Clear() => _calls.Clear();
}
