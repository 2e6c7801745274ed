using System.Text.Json;

namespace Mcs.Orchestrator.Graph;

/// <summary>A pause for a human, from <c>graph_interrupt</c>.</summary>
public sealed record InterruptInfo(
    Guid InterruptId,
    Guid RunId,
    string GraphName,
    int Step,
    string Node,
    string Kind,
    JsonElement Payload,
    bool IsOpen,
    JsonElement? Decision,
    string? DecidedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DecidedAt);
