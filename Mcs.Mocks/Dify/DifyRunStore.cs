using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Mcs.Mocks.Dify;

/// <summary>
/// Runs kept in memory (GET run detail, stop flags). An app switches to 2024-era GET shapes once a
/// <c>legacy_shapes</c> response has been served for it, until the scripts are cleared. At most
/// <see cref="MocksOptions.DifyRetainedRuns"/> runs are kept, oldest evicted.
/// </summary>
public sealed class DifyRunStore(IOptions<MocksOptions> options)
{
    private readonly BoundedMap<Guid, DifyRun> _runs = new(options.Value.DifyRetainedRuns);
    private readonly BoundedMap<Guid, DifyRun> _byTask = new(options.Value.DifyRetainedRuns);
    private readonly ConcurrentDictionary<string, bool> _legacyWorkflows = new();

    public void Add(DifyRun run)
    {
        _runs.Add(run.Id, run);
        _byTask.Add(run.TaskId, run);
    }

    public int Count => _runs.Count;

    public DifyRun? Find(Guid id) => _runs.Find(id);

    /// <summary>Dify's stop only sets a flag; unknown tasks are fine.</summary>
    public void RequestStop(Guid taskId)
    {
        if (_byTask.TryGet(taskId, out var run))
        {
            lock (run)
            {
                run.StopRequested = true;
            }
        }
    }

    public void UseLegacyShapes(string workflow) => _legacyWorkflows[workflow] = true;

    public bool UsesLegacyShapes(string workflow) => _legacyWorkflows.ContainsKey(workflow);

    public void ClearLegacyShapes() => _legacyWorkflows.Clear();

    public void Clear()
    {
        _runs.Clear();
        _byTask.Clear();
        _legacyWorkflows.Clear();
    }
}
