using Mcs.Orchestrator.Adapters.Masterdata;
using Mcs.Orchestrator.Graph;
using Mcs.Orchestrator.Graphs.SalesEmail.Policy;

namespace Mcs.Orchestrator.Graphs.SalesEmail.Nodes;

/// <summary>
/// Applies the decision policy (<see cref="OrderPolicy"/>) plus the duplicate-contract rule: the pair customer +
/// contract number is claimed for this lineage in the idempotency table; a pair another lineage holds means an
/// earlier order exists (<c>duplicate_contract</c>). Any reason sends the run to review.
/// </summary>
public sealed class ValidateOrderNode(IMasterdataReader reader, OrderPolicy policy) : INode<SalesEmailState>
{
    public const string ContractScope = "sales-email:contract";

    public string Name => SalesEmailNodeNames.ValidateOrder;

    public async Task<NodeResult<SalesEmailState>> ExecuteAsync(SalesEmailState state, NodeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(context);
        var snapshot = (await MasterdataAccess.ReadAsync(reader, cancellationToken)).Snapshot;
        var customer = state.Customer is { Matched: true, CustomerId: { } id } ? snapshot.Customers.FirstOrDefault(c => c.CustomerId == id) : null;
        var verdict = policy.Evaluate(state.OrderPayload, customer, state.Company, snapshot);
        var reasons = new List<string>(state.ReviewReasons);
        reasons.AddRange(verdict.Reasons);
        var contractNo = verdict.Payload?.ContractNo ?? state.Contract?.ContractNo;
        if (customer is not null && !string.IsNullOrWhiteSpace(contractNo))
        {
            var claim = await context.ClaimIdempotencyKeyAsync(ContractScope, $"{customer.CustomerNum}|{contractNo.Trim().ToUpperInvariant()}", cancellationToken);
            if (!claim.IsOwner)
            {
                reasons.Add(ReviewReasons.DuplicateContract);
            }
        }
        return NodeResult.Continue(state with
        {
            OrderPayload = verdict.Payload ?? state.OrderPayload,
            LineMappings = verdict.Mappings,
            ReviewReasons = reasons.Distinct(StringComparer.Ordinal).ToArray(),
        });
    }
}
