namespace Mcs.Orchestrator.Graph;

/// <summary>A checkpoint without its state: <paramref name="Node"/> produced it, <paramref name="NextNode"/> runs from it (null = end).</summary>
public sealed record CheckpointInfo(int Step, string? Node, string? NextNode, int StateSchemaVersion, int StateBytes, DateTimeOffset CreatedAt);
