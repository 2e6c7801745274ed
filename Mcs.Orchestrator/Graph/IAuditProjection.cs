using System.Text.Json.Nodes;

namespace Mcs.Orchestrator.Graph;

/// <summary>
/// How a graph's state becomes audit data. The engine writes one audit row per node attempt; what of the state goes
/// into it is decided here, so redaction of personal data happens in the graph, and the engine stays domain-free.
/// </summary>
public interface IAuditProjection<in TState>
    where TState : class, IGraphState
{
    /// <summary>A short digest of the node's input (e.g. a hash), or null.</summary>
    string? InputDigest(string node, TState input);

    /// <summary>The (redacted) part of the node's output worth showing in the audit, or null for nothing.</summary>
    JsonNode? Output(string node, TState input, TState output);
}
