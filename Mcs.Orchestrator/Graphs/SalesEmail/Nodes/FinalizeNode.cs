using Mcs.Orchestrator.Graph;

namespace Mcs.Orchestrator.Graphs.SalesEmail.Nodes;

/// <summary>Closes the run: the business outcome (what the API's status shows), the finish time, and the run metrics.</summary>
public sealed class FinalizeNode(SalesEmailMetrics metrics) : INode<SalesEmailState>
{
    public string Name => SalesEmailNodeNames.Finalize;

    public Task<NodeResult<SalesEmailState>> ExecuteAsync(SalesEmailState state, NodeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(context);
        var outcome = state.Outcome
            ?? (state.ErpOrder is not null ? SalesEmailOutcomes.Succeeded : SalesEmailOutcomes.Failed);
        var final = state with { Outcome = outcome, FinishedAt = context.Clock.GetUtcNow() };
        metrics.RunFinished(final);
        return NodeResult.ContinueTask(final);
    }
}
