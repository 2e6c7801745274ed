using System.Collections.Concurrent;

namespace Mcs.Mocks.Dify;

/// <summary>
/// Runs kept in memory (GET run detail, stop flags). An app switches to 2024-era GET shapes once a
/// <c>legacy_shapes</c> response has been served for it, until the scripts are cleared.
/// </summary>
public sealed class DifyRunStore
{
    private readonly ConcurrentDictionary<Guid, DifyRun> _runs = new();
    private readonly ConcurrentDictionary<Guid, DifyRun> _byTask = new();
    private readonly ConcurrentDictionary<string, bool> _legacyWorkflows = new();

    public void Add(DifyRun run)
    {
        _runs[run.Id] = run;
        _byTask[run.TaskId] = run;
    }

    public DifyRun? Find(Guid id) => _runs.GetValueOrDefault(id);

    /// <summary>Dify's stop only sets a flag; unknown tasks are fine.</summary>
    public void RequestStop(Guid taskId)
    {
        if (_byTask.TryGetValue(taskId, out var run))
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
