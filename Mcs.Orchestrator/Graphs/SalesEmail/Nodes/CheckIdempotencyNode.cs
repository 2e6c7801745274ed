using Mcs.Orchestrator.Graph;

namespace Mcs.Orchestrator.Graphs.SalesEmail.Nodes;

/// <summary>
/// architecture.md "Identity of a mail": claims the mail key for this run's lineage. A key another lineage claimed
/// first makes this delivery a <c>duplicate</c> of that run; the unique claim decides, not timing.
/// </summary>
public sealed class CheckIdempotencyNode : INode<SalesEmailState>
{
    public const string Scope = "sales-email:mail";

    public string Name => SalesEmailNodeNames.CheckIdempotency;

    public async Task<NodeResult<SalesEmailState>> ExecuteAsync(SalesEmailState state, NodeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(context);
        var claim = await context.ClaimIdempotencyKeyAsync(Scope, state.Email.DedupeKey, cancellationToken);
        if (claim.IsOwner)
        {
            return NodeResult.Continue(state);
        }
        return NodeResult.Continue(state with { DuplicateOf = claim.OwnerRunId.ToString(), Outcome = SalesEmailOutcomes.Duplicate });
    }
}
