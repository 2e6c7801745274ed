namespace Mcs.Orchestrator.Graph;

/// <summary>The engine's lifecycle of a run (stored lower-case in <c>graph_run.status</c>); see <see cref="RunStatusMapping"/> for the API's statuses.</summary>
public enum RunLifecycle
{
    Pending,
    Running,
    Interrupted,

    /// <summary>Needs an operator: a checkpoint newer than the code, or a next node this code no longer has.</summary>
    Blocked,
    Succeeded,
    Failed,
    Cancelled,
}
