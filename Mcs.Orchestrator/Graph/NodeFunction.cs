namespace Mcs.Orchestrator.Graph;

/// <summary>A node written as a function, for small nodes and tests: <c>builder.Node("name", (s, ctx, ct) => ...)</c>.</summary>
public delegate Task<NodeResult<TState>> NodeFunction<TState>(TState state, NodeContext context, CancellationToken cancellationToken)
    where TState : class, IGraphState;
