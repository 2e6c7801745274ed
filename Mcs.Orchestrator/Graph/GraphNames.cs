namespace Mcs.Orchestrator.Graph;

/// <summary>The two virtual nodes of every graph.</summary>
public static class GraphNames
{
    /// <summary>Source of the single entry edge (<see cref="GraphBuilder{TState}.Start"/>).</summary>
    public const string Start = "__start__";

    /// <summary>Target that finishes the run as succeeded.</summary>
    public const string End = "__end__";
}
