using System.Text.Json;
using System.Text.Json.Nodes;
using Mcs.Contracts;

namespace Mcs.Orchestrator.Graph;

/// <summary>
/// Declares a graph: nodes, the entry, fixed edges and conditional routes whose targets are named up front, so that
/// <see cref="Build"/> can check the whole shape. Example:
/// <code>
/// new GraphBuilder&lt;OrderState&gt;("order-intake", flowVersion: 1, "Turns a mail into an order")
///     .Node(extract).Node(match).Node(review)
///     .Start("extract").Edge("extract", "match")
///     .Route("match", s => s.NeedsReview ? "review" : GraphNames.End, "review", GraphNames.End)
///     .Edge("review", GraphNames.End)
///     .Build();
/// </code>
/// </summary>
public sealed class GraphBuilder<TState>
    where TState : class, IGraphState
{
    private readonly string _name;
    private readonly int _flowVersion;
    private readonly string _description;
    private readonly List<string> _order = [];
    private readonly Dictionary<string, NodeEntry> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<int, Func<JsonObject, JsonObject>> _upcasters = [];
    private readonly List<string> _entries = [];
    private readonly List<string> _errors = [];
    private IAuditProjection<TState>? _audit;
    private Func<TState, string?> _outcome = _ => null;
    private JsonSerializerOptions _json = McsJson.Options;
    private int _stateSchemaVersion = 1;

    public GraphBuilder(string name, int flowVersion, string description = "")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _name = name;
        _flowVersion = flowVersion;
        _description = description;
    }

    public GraphBuilder<TState> Node(INode<TState> node, RetryPolicy? retry = null)
    {
        ArgumentNullException.ThrowIfNull(node);
        return Node(node.Name, node.ExecuteAsync, retry);
    }

    public GraphBuilder<TState> Node(string name, NodeFunction<TState> function, RetryPolicy? retry = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(function);
        if (name is GraphNames.Start or GraphNames.End)
        {
            _errors.Add($"'{name}' is reserved.");
        }
        else if (!_nodes.TryAdd(name, new NodeEntry(name, function, retry ?? RetryPolicy.Default)))
        {
            _errors.Add($"Node '{name}' is declared twice.");
        }
        else
        {
            _order.Add(name);
        }
        return this;
    }

    /// <summary>The single edge from START.</summary>
    public GraphBuilder<TState> Start(string node)
    {
        _entries.Add(node);
        return this;
    }

    /// <summary>A fixed edge; <paramref name="to"/> may be <see cref="GraphNames.End"/>. <c>Edge(GraphNames.Start, x)</c> equals <c>Start(x)</c>.</summary>
    public GraphBuilder<TState> Edge(string from, string to)
    {
        if (from == GraphNames.Start)
        {
            return Start(to);
        }
        return SetTargets(from, null, [to]);
    }

    /// <summary>A conditional route: a pure function of the state that returns one of <paramref name="targets"/>.</summary>
    public GraphBuilder<TState> Route(string from, Func<TState, string> route, params string[] targets)
    {
        ArgumentNullException.ThrowIfNull(route);
        return SetTargets(from, route, targets);
    }

    /// <summary>When <paramref name="node"/> fails for good (retries exhausted or not retryable), continue at <paramref name="target"/> instead of failing the run; the target reads <see cref="NodeContext.PreviousFailure"/>.</summary>
    public GraphBuilder<TState> OnFailure(string node, string target)
    {
        if (_nodes.TryGetValue(node, out var entry))
        {
            entry.FailureTarget = target;
        }
        else
        {
            _errors.Add($"OnFailure names unknown node '{node}'.");
        }
        return this;
    }

    /// <summary>How state and outputs become audit data (redaction lives there); default: an input hash and no output.</summary>
    public GraphBuilder<TState> Audit(IAuditProjection<TState> projection)
    {
        _audit = projection;
        return this;
    }

    /// <summary>The business outcome a finished run carries (e.g. <c>succeeded</c>, <c>ignored</c>, <c>duplicate</c>, <c>rejected</c>).</summary>
    public GraphBuilder<TState> Outcome(Func<TState, string?> outcome)
    {
        _outcome = outcome;
        return this;
    }

    /// <summary>The state schema version this code writes (default 1).</summary>
    public GraphBuilder<TState> StateSchema(int version)
    {
        _stateSchemaVersion = version;
        return this;
    }

    /// <summary>An upcaster from state schema <paramref name="fromVersion"/> to <c>fromVersion + 1</c>, run on the JSON before deserialization.</summary>
    public GraphBuilder<TState> Upcast(int fromVersion, Func<JsonObject, JsonObject> upcaster)
    {
        _upcasters[fromVersion] = upcaster;
        return this;
    }

    /// <summary>Serializer options of the state (default <see cref="McsJson.Options"/>: snake_case, no CLR type names).</summary>
    public GraphBuilder<TState> Json(JsonSerializerOptions options)
    {
        _json = options;
        return this;
    }

    /// <summary>Checks the shape and computes the fingerprint; throws <see cref="GraphDefinitionException"/> listing every problem.</summary>
    public CompiledGraph<TState> Build()
    {
        var errors = new List<string>(_errors);
        if (_entries.Count == 0)
        {
            errors.Add("The graph has no entry (call Start).");
        }
        else if (_entries.Count > 1)
        {
            errors.Add($"The graph has a second entry: {string.Join(", ", _entries)}.");
        }
        foreach (var entry in _entries.Where(e => !_nodes.ContainsKey(e)))
        {
            errors.Add($"The entry '{entry}' is not a node.");
        }
        foreach (var node in _order.Select(n => _nodes[n]))
        {
            if (node.Targets.Count == 0)
            {
                errors.Add($"Node '{node.Name}' has no outgoing edge or route.");
            }
            foreach (var target in node.Targets.Append(node.FailureTarget).OfType<string>())
            {
                if (target != GraphNames.End && !_nodes.ContainsKey(target))
                {
                    errors.Add($"Node '{node.Name}' points to unknown target '{target}'.");
                }
            }
        }
        if (_entries.Count >= 1 && _nodes.ContainsKey(_entries[0]))
        {
            var reachable = Reachable(_entries[0]);
            errors.AddRange(_order.Where(n => !reachable.Contains(n)).Select(n => $"Node '{n}' is unreachable from the entry."));
        }
        for (var version = 1; version < _stateSchemaVersion; version++)
        {
            if (!_upcasters.ContainsKey(version))
            {
                errors.Add($"No upcaster from state schema version {version} to {version + 1}.");
            }
        }
        if (errors.Count > 0)
        {
            throw new GraphDefinitionException($"Graph '{_name}' is invalid: " + string.Join(" ", errors));
        }
        var entryNode = _entries[0];
        var fingerprint = CompiledGraph<TState>.ComputeFingerprint(_name, entryNode, _nodes.Values);
        var info = new GraphInfo(_name, _flowVersion, _description, fingerprint, _order.ToArray());
        return new CompiledGraph<TState>(info, entryNode, _stateSchemaVersion, new Dictionary<string, NodeEntry>(_nodes),
            new Dictionary<int, Func<JsonObject, JsonObject>>(_upcasters), _audit ?? new HashingAuditProjection<TState>(_json), _outcome, _json);
    }

    private GraphBuilder<TState> SetTargets(string from, Func<TState, string>? route, string[] targets)
    {
        if (!_nodes.TryGetValue(from, out var entry))
        {
            _errors.Add($"An edge or route starts at unknown node '{from}'.");
        }
        else if (entry.Targets.Count > 0)
        {
            _errors.Add($"Node '{from}' has more than one outgoing edge or route.");
        }
        else if (targets.Length == 0)
        {
            _errors.Add($"The route of '{from}' declares no targets.");
        }
        else
        {
            entry.Route = route;
            entry.Targets = targets.Distinct(StringComparer.Ordinal).ToArray();
        }
        return this;
    }

    private HashSet<string> Reachable(string entry)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { entry };
        var queue = new Queue<string>([entry]);
        while (queue.TryDequeue(out var current))
        {
            var node = _nodes[current];
            foreach (var target in node.Targets.Append(node.FailureTarget).OfType<string>())
            {
                if (_nodes.ContainsKey(target) && seen.Add(target))
                {
                    queue.Enqueue(target);
                }
            }
        }
        return seen;
    }

    internal sealed class NodeEntry(string name, NodeFunction<TState> execute, RetryPolicy retry)
    {
        public string Name { get; } = name;

        public NodeFunction<TState> Execute { get; } = execute;

        public RetryPolicy Retry { get; } = retry;

        public Func<TState, string>? Route { get; set; }

        public IReadOnlyList<string> Targets { get; set; } = [];

        public string? FailureTarget { get; set; }
    }
}
