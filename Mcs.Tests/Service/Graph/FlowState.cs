using Mcs.Orchestrator.Graph;

namespace Mcs.Tests.Service.Graph;

/// <summary>The test graphs' state: what ran, and the little business data the tests check.</summary>
public sealed record FlowState : IGraphState
{
    public int SchemaVersion { get; init; } = 1;

    public IReadOnlyList<string> Visited { get; init; } = [];

    public string? OrderNumber { get; init; }

    public bool NeedsReview { get; init; }

    public string? Decision { get; init; }

    public string? Padding { get; init; }

    public FlowState Visit(string node) => this with { Visited = [.. Visited, node] };
}
