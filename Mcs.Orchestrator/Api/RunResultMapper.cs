using Mcs.Contracts.Runs;
using Mcs.Orchestrator.Graph;
using Mcs.Orchestrator.Graphs.SalesEmail;

namespace Mcs.Orchestrator.Api;

/// <summary>A run as the API shows it: the engine's lifecycle mapped to the API status, the business parts from the state.</summary>
public static class RunResultMapper
{
    public static OrchestratorRunResult ToContract(this RunInfo run, SalesEmailState? state)
    {
        ArgumentNullException.ThrowIfNull(run);
        var status = run.ToApiStatus();
        var errors = new List<RunError>(state?.Errors ?? []);
        if (run.ErrorCode is { } code && errors.All(e => e.Code != code))
        {
            errors.Add(new RunError { Code = code, Message = run.ErrorMessage ?? code, Node = run.ErrorNode, Retryable = run.ErrorRetryable });
        }
        var review = state?.Review;
        if (status == RunStatus.WaitingReview && state is not null)
        {
            review = new ReviewInfo { Reasons = state.ReviewReasons };
        }
        return new OrchestratorRunResult
        {
            RunId = run.RunId.ToString(),
            ParentRunId = run.ParentRunId?.ToString(),
            MessageId = state?.Email.MessageId,
            DedupeKey = state?.Email.DedupeKey ?? "",
            Status = status,
            DuplicateOf = state?.DuplicateOf,
            Graph = new GraphRef(run.GraphName, run.FlowVersion),
            Contact = state?.Contact,
            Customer = state?.Customer,
            Company = state?.Company,
            Contract = state?.Contract,
            OrderPayload = state?.OrderPayload,
            ErpOrder = state?.ErpOrder,
            Review = review,
            Errors = errors,
            Warnings = state?.Warnings ?? [],
            StartedAt = run.CreatedAt,
            FinishedAt = run.FinishedAt,
        };
    }
}
