namespace Mcs.Orchestrator.Graph;

/// <summary>One node of a graph. <see cref="Name"/> is a stable id stored in checkpoints: never rename a node a run may still be at.</summary>
public interface INode<TState>
    where TState : class, IGraphState
{
    string Name { get; }

    /// <summary>
    /// Runs the node. Return <see cref="NodeResult.Continue{TState}"/> with the new state (routes pick the next node),
    /// <see cref="NodeResult.Interrupt{TState}"/> to pause for a human, or <see cref="NodeResult.Fail{TState}"/>.
    /// Throwing is a failure too: the node's <see cref="RetryPolicy"/> decides whether it is retried.
    /// </summary>
    Task<NodeResult<TState>> ExecuteAsync(TState state, NodeContext context, CancellationToken cancellationToken);
}
