using System.Collections.Concurrent;

namespace Mcs.Orchestrator.Graph.Runtime;

/// <summary>In-process wake-ups: a run settled here (for waiters), or new work may be claimable (for the worker).</summary>
internal sealed class RunSignals
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> _settled = new();
    private volatile TaskCompletionSource _work = NewSource();

    /// <summary>A task that completes at the next <see cref="Notify"/> of <paramref name="runId"/>.</summary>
    public Task WhenNotified(Guid runId) => _settled.GetOrAdd(runId, _ => NewSource()).Task;

    public void Notify(Guid runId)
    {
        if (_settled.TryRemove(runId, out var source))
        {
            source.TrySetResult();
        }
    }

    public Task WhenWorkAvailable => _work.Task;

    public void WorkAvailable() => Interlocked.Exchange(ref _work, NewSource()).TrySetResult();

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
