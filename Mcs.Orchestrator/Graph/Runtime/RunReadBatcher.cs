namespace Mcs.Orchestrator.Graph.Runtime;

/// <summary>
/// Reads of single runs that arrive together become one statement (<c>run_id = any(...)</c>). Used by POST /run's
/// waiters when they poll: under overload hundreds of them wait at once, and one read each per poll interval was a
/// third of the statements PostgreSQL received (ADR-064).
/// </summary>
internal sealed class RunReadBatcher(Func<IReadOnlyList<Guid>, CancellationToken, Task<IReadOnlyList<RunInfo>>> readRuns, TimeSpan? gatherWindow = null)
{
    // Long enough for waiters woken at the same instant to join one read, short next to a poll interval of seconds.
    private readonly TimeSpan _gatherWindow = gatherWindow ?? TimeSpan.FromMilliseconds(5);

    private readonly Lock _gate = new();
    private List<(Guid RunId, TaskCompletionSource<RunInfo?> Reply)>? _pending;

    /// <summary>The run as stored now, or null when it does not exist.</summary>
    public Task<RunInfo?> GetAsync(Guid runId, CancellationToken cancellationToken)
    {
        var reply = new TaskCompletionSource<RunInfo?>(TaskCreationOptions.RunContinuationsAsynchronously);
        bool first;
        lock (_gate)
        {
            first = _pending is null;
            (_pending ??= []).Add((runId, reply));
        }
        if (first)
        {
            _ = Task.Run(ReadPendingAsync, CancellationToken.None);
        }
        return reply.Task.WaitAsync(cancellationToken);
    }

    private async Task ReadPendingAsync()
    {
        // Real time on purpose: the gather window is about scheduling, not about the engine's (possibly fake) clock.
        await Task.Delay(_gatherWindow);
        List<(Guid RunId, TaskCompletionSource<RunInfo?> Reply)> batch;
        lock (_gate)
        {
            batch = _pending!;
            _pending = null;
        }
        try
        {
            var runs = (await readRuns(batch.Select(b => b.RunId).Distinct().ToArray(), CancellationToken.None)).ToDictionary(r => r.RunId);
            foreach (var (runId, reply) in batch)
            {
                reply.TrySetResult(runs.GetValueOrDefault(runId));
            }
        }
        catch (Exception exception)
        {
            foreach (var (_, reply) in batch)
            {
                reply.TrySetException(exception);
            }
        }
    }
}
