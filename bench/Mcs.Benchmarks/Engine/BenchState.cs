using Mcs.Orchestrator.Graph;

namespace Mcs.Benchmarks.Engine;

/// <summary>A small state, the size of an order state that keeps documents out (a few hundred bytes).</summary>
public sealed record BenchState : IGraphState
{
    public int SchemaVersion { get; init; } = 1;

    public int Counter { get; init; }

    public string MessageHash { get; init; } = "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    public string? Customer { get; init; }

    public IReadOnlyList<string> Warnings { get; init; } = [];
}
