namespace Mcs.Orchestrator.Graph;

/// <summary>A page of runs; <paramref name="NextCursor"/> is null on the last page.</summary>
public sealed record RunPage(IReadOnlyList<RunInfo> Items, string? NextCursor);
