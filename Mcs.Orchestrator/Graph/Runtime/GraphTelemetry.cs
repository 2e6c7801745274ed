using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Mcs.Orchestrator.Graph.Runtime;

/// <summary>The engine's span source and meters (named after the area, as dotnet-style.md §7.5 asks).</summary>
public static class GraphTelemetry
{
    public const string Name = "Mcs.Orchestrator.Graph";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Histogram<double> NodeDuration = Meter.CreateHistogram<double>("mcs.graph.node.duration", "ms", "Duration of one node attempt.");

    public static readonly Counter<long> NodeAttempts = Meter.CreateCounter<long>("mcs.graph.node.attempts", description: "Node attempts, by node and outcome.");

    public static readonly Counter<long> Commits = Meter.CreateCounter<long>("mcs.graph.commits", description: "Step commits.");

    public static readonly Histogram<double> CommitDuration = Meter.CreateHistogram<double>("mcs.graph.commit.duration", "ms", "Duration of one step commit.");

    public static readonly Counter<long> Takeovers = Meter.CreateCounter<long>("mcs.graph.lease.takeovers", description: "Runs claimed from an owner whose lease expired.");
}
