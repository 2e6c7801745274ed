namespace Mcs.Orchestrator.Graph;

/// <summary>The graphs this process can run, by name (the plan's <c>GraphRegistry</c>).</summary>
public sealed class GraphRegistry
{
    private readonly Dictionary<string, CompiledGraph> _graphs = new(StringComparer.Ordinal);

    public GraphRegistry(IEnumerable<CompiledGraph> graphs)
    {
        ArgumentNullException.ThrowIfNull(graphs);
        foreach (var graph in graphs)
        {
            if (!_graphs.TryAdd(graph.Name, graph))
            {
                throw new GraphDefinitionException($"Graph '{graph.Name}' is registered twice.");
            }
        }
    }

    public IReadOnlyList<GraphInfo> All => _graphs.Values.Select(g => g.Info).OrderBy(i => i.Name, StringComparer.Ordinal).ToArray();

    public bool TryGet(string name, out CompiledGraph graph) => _graphs.TryGetValue(name, out graph!);

    public CompiledGraph Get(string name) =>
        _graphs.TryGetValue(name, out var graph) ? graph : throw new KeyNotFoundException($"No graph named '{name}' is registered.");

    public CompiledGraph<TState> Get<TState>(string name)
        where TState : class, IGraphState =>
        Get(name) as CompiledGraph<TState> ?? throw new InvalidOperationException($"Graph '{name}' does not run on {typeof(TState).Name}.");
}
