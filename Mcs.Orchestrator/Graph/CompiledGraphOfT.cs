using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mcs.Orchestrator.Graph.Runtime;

namespace Mcs.Orchestrator.Graph;

/// <summary>A validated graph over <typeparamref name="TState"/>; see <see cref="GraphBuilder{TState}"/>.</summary>
public sealed class CompiledGraph<TState> : CompiledGraph
    where TState : class, IGraphState
{
    private readonly IReadOnlyDictionary<string, GraphBuilder<TState>.NodeEntry> _nodes;
    private readonly IReadOnlyDictionary<int, Func<JsonObject, JsonObject>> _upcasters;
    private readonly IAuditProjection<TState> _audit;
    private readonly Func<TState, string?> _outcome;
    private readonly JsonSerializerOptions _json;

    internal CompiledGraph(
        GraphInfo info,
        string entryNode,
        int stateSchemaVersion,
        IReadOnlyDictionary<string, GraphBuilder<TState>.NodeEntry> nodes,
        IReadOnlyDictionary<int, Func<JsonObject, JsonObject>> upcasters,
        IAuditProjection<TState> audit,
        Func<TState, string?> outcome,
        JsonSerializerOptions json)
        : base(info, entryNode, stateSchemaVersion)
    {
        _nodes = nodes;
        _upcasters = upcasters;
        _audit = audit;
        _outcome = outcome;
        _json = json;
    }

    public override Type StateType => typeof(TState);

    /// <summary>The node (or <see cref="GraphNames.End"/>) that follows <paramref name="node"/> for <paramref name="state"/>.</summary>
    public string Route(string node, TState state)
    {
        var entry = _nodes[node];
        if (entry.Route is { } route)
        {
            var target = route(state);
            if (!entry.Targets.Contains(target, StringComparer.Ordinal))
            {
                throw new GraphDefinitionException($"Route of '{node}' returned '{target}', which is not one of its declared targets.");
            }
            return target;
        }
        return entry.Targets[0];
    }

    /// <summary>Serializes a state as a checkpoint stores it.</summary>
    public string SerializeState(TState state) => JsonSerializer.Serialize(state, _json);

    /// <summary>
    /// Reads a checkpoint's state written at <paramref name="schemaVersion"/>: runs the upcasters from that version up
    /// to the current one, then deserializes. A version newer than the code throws <see cref="StateSchemaTooNewException"/>.
    /// </summary>
    public TState DeserializeState(string json, int schemaVersion)
    {
        if (schemaVersion > StateSchemaVersion)
        {
            throw new StateSchemaTooNewException(schemaVersion, StateSchemaVersion);
        }
        if (schemaVersion == StateSchemaVersion)
        {
            return JsonSerializer.Deserialize<TState>(json, _json) ?? throw new JsonException("The checkpoint's state is null.");
        }
        var document = JsonNode.Parse(json)?.AsObject() ?? throw new JsonException("The checkpoint's state is not an object.");
        for (var version = schemaVersion; version < StateSchemaVersion; version++)
        {
            if (!_upcasters.TryGetValue(version, out var upcaster))
            {
                throw new JsonException($"No upcaster from state schema version {version} to {version + 1}.");
            }
            document = upcaster(document);
        }
        return document.Deserialize<TState>(_json) ?? throw new JsonException("The upcast state is null.");
    }

    internal override RetryPolicy RetryPolicyOf(string node) => _nodes[node].Retry;

    internal override string? FailureTargetOf(string node) => _nodes[node].FailureTarget;

    internal override async Task<NodeStepResult> ExecuteAsync(string node, IGraphState state, NodeContext context, CancellationToken cancellationToken)
    {
        var result = await _nodes[node].Execute((TState)state, context, cancellationToken);
        return result switch
        {
            NodeResult<TState>.Continue next => new NodeStepResult.Continue(next.State),
            NodeResult<TState>.Interrupt pause => new NodeStepResult.Interrupt(pause.State, pause.Kind, pause.Payload),
            NodeResult<TState>.Fail fail => new NodeStepResult.Fail(fail.Code, fail.Message, fail.Retryable),
            _ => throw new InvalidOperationException($"Node '{node}' returned no result."),
        };
    }

    internal override string NextAfter(string node, IGraphState state) => Route(node, (TState)state);

    internal override string SerializeState(IGraphState state) => SerializeState((TState)state);

    internal override IGraphState DeserializeStateUntyped(string json, int schemaVersion) => DeserializeState(json, schemaVersion);

    internal override string? OutcomeOf(IGraphState state) => _outcome((TState)state);

    internal override string? InputDigestOf(string node, IGraphState input) => _audit.InputDigest(node, (TState)input);

    internal override JsonNode? AuditOutputOf(string node, IGraphState input, IGraphState output) =>
        _audit.Output(node, (TState)input, (TState)output);

    internal static string ComputeFingerprint(string name, string entry, IEnumerable<GraphBuilder<TState>.NodeEntry> nodes)
    {
        var text = new StringBuilder().Append(name).Append('|').Append(entry);
        foreach (var node in nodes.OrderBy(n => n.Name, StringComparer.Ordinal))
        {
            text.Append('|').Append(node.Name).Append(node.Route is null ? "->" : "=>")
                .AppendJoin(',', node.Targets.Order(StringComparer.Ordinal)).Append('!').Append(node.FailureTarget);
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }
}
