namespace Mcs.Orchestrator.Graph.Runtime;

/// <summary>
/// §4.10's startup check: unfinished runs whose graph or next node this code no longer has. Such runs would sit
/// forever; the health check fails and names them instead.
/// </summary>
internal sealed class GraphNodesCheck(GraphStore store, GraphRegistry registry)
{
    public async Task<IReadOnlyList<string>> FindStrandedRunsAsync(CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        foreach (var (graph, node, runIds) in await store.ActiveNextNodesAsync(cancellationToken))
        {
            if (node is null)
            {
                continue;
            }
            if (!registry.TryGet(graph, out var compiled) || !compiled.HasNode(node))
            {
                problems.Add($"{graph}/{node}: {string.Join(",", runIds)}");
            }
        }
        return problems;
    }
}
