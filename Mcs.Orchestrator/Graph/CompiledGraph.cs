using Mcs.Orchestrator.Graph.Runtime;
using System.Text.Json.Nodes;

namespace Mcs.Orchestrator.Graph;

/// <summary>
/// A validated graph as the engine runs it, independent of its state type. Built by
/// <see cref="GraphBuilder{TState}.Build"/>; registered with <c>services.AddGraph(...)</c>.
/// </summary>
public abstract class CompiledGraph
{
    private protected CompiledGraph(GraphInfo info, string entryNode, int stateSchemaVersion)
    {
        Info = info;
        EntryNode = entryNode;
        StateSchemaVersion = stateSchemaVersion;
    }

    public GraphInfo Info { get; }

    public string Name => Info.Name;

    /// <summary>The node the START edge points to.</summary>
    public string EntryNode { get; }

    /// <summary>The state schema version this code writes; checkpoints with a higher version are refused.</summary>
    public int StateSchemaVersion { get; }

    public abstract Type StateType { get; }

    public bool HasNode(string node) => Info.Nodes.Contains(node, StringComparer.Ordinal);

    internal abstract RetryPolicy RetryPolicyOf(string node);

    internal abstract string? FailureTargetOf(string node);

    internal abstract Task<NodeStepResult> ExecuteAsync(string node, IGraphState state, NodeContext context, CancellationToken cancellationToken);

    internal abstract string NextAfter(string node, IGraphState state);

    internal abstract string SerializeState(IGraphState state);

    internal abstract IGraphState DeserializeStateUntyped(string json, int schemaVersion);

    internal abstract string? OutcomeOf(IGraphState state);

    internal abstract string? InputDigestOf(string node, IGraphState input);

    internal abstract JsonNode? AuditOutputOf(string node, IGraphState input, IGraphState output);
}
