using Mcs.Contracts.Results;
using Mcs.Contracts.Runs;
using Mcs.Orchestrator.Adapters.Masterdata;
using Mcs.Orchestrator.Graph;
using Mcs.Orchestrator.Graphs.SalesEmail.Policy;

namespace Mcs.Orchestrator.Graphs.SalesEmail.Nodes;

/// <summary>
/// Folds the reviewer's decision into the state: reject → <c>rejected</c>; approve → on to the ERP; approve with a
/// corrected payload → the payload is validated again and, if it still breaks a blocking rule, the run pauses again.
/// </summary>
public sealed class ApplyReviewNode(IMasterdataReader reader, OrderPolicy policy, SalesEmailMetrics metrics) : INode<SalesEmailState>
{
    public string Name => SalesEmailNodeNames.ApplyReview;

    public async Task<NodeResult<SalesEmailState>> ExecuteAsync(SalesEmailState state, NodeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(context);
        var decision = context.ResumeValue<ReviewRequest>()
            ?? throw new NodeFailedException("review_decision_missing", "apply_review ran without a review decision.", retryable: false);
        var now = context.Clock.GetUtcNow();
        if (state.ReviewRequestedAt is { } asked)
        {
            metrics.ReviewWait(now - asked, decision.Decision == ReviewDecision.Approve ? "approve" : "reject");
        }
        var review = new ReviewInfo { Reasons = state.ReviewReasons, Decision = decision.Decision, Reviewer = decision.Reviewer, DecidedAt = now };
        if (decision.Decision == ReviewDecision.Reject)
        {
            return NodeResult.Continue(state with { Review = review, RejectReason = decision.Reason, Outcome = SalesEmailOutcomes.Rejected });
        }
        if (decision.Payload is null)
        {
            var ready = state.OrderPayload is not null && state.Customer is { Matched: true } && state.Company is not null;
            return NodeResult.Continue(ready
                ? state with { Review = review, ReviewAgain = false }
                : state with { Review = review, ReviewAgain = true, ReviewReasons = [ReviewReasons.PayloadMissing] });
        }
        var snapshot = (await MasterdataAccess.ReadAsync(reader, cancellationToken)).Snapshot;
        var correction = ReviewCorrection.Evaluate(state, decision.Payload, snapshot, policy);
        if (!correction.Acceptable)
        {
            // Still wrong: back to review with what blocks it (the endpoint refuses such payloads up front; this is the guard).
            return NodeResult.Continue(state with { Review = review, ReviewAgain = true, ReviewReasons = correction.BlockingReasons });
        }
        var customer = state.Customer is { Matched: true } resolved
            ? resolved
            : new CustomerMatchResult { Matched = true, CustomerId = correction.Customer!.CustomerId, Method = CustomerMatchMethod.None, Reasons = ["reviewer"] };
        return NodeResult.Continue(state with
        {
            Review = review,
            ReviewAgain = false,
            Customer = customer,
            Company = correction.Company,
            OrderPayload = correction.Verdict.Payload,
            LineMappings = correction.Verdict.Mappings,
        });
    }
}
