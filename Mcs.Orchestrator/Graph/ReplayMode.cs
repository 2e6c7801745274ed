namespace Mcs.Orchestrator.Graph;

/// <summary>How side effects behave in a run forked from a checkpoint (graph-engine.md §4.9).</summary>
public enum ReplayMode
{
    /// <summary>Effects run for real, under the lineage's keys, so an effect already made is found, not repeated.</summary>
    Live,

    /// <summary>Effects return the responses recorded for the lineage's keys and call nothing (debugging).</summary>
    Recorded,
}
