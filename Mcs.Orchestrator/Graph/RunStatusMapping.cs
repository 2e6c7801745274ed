using Mcs.Contracts.Runs;

namespace Mcs.Orchestrator.Graph;

/// <summary>
/// architecture.md "Run status": pending/running → running; interrupted → waiting_review; a finished run carries its
/// business outcome (succeeded, ignored, duplicate, rejected); failed, blocked and cancelled → failed.
/// </summary>
public static class RunStatusMapping
{
    public static RunStatus ToApiStatus(RunLifecycle lifecycle, string? outcome) => lifecycle switch
    {
        RunLifecycle.Pending or RunLifecycle.Running => RunStatus.Running,
        RunLifecycle.Interrupted => RunStatus.WaitingReview,
        RunLifecycle.Succeeded => outcome switch
        {
            "ignored" => RunStatus.Ignored,
            "duplicate" => RunStatus.Duplicate,
            "rejected" => RunStatus.Rejected,
            "failed" => RunStatus.Failed,
            _ => RunStatus.Succeeded,
        },
        _ => RunStatus.Failed,
    };

    public static RunStatus ToApiStatus(this RunInfo run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return ToApiStatus(run.Status, run.Outcome);
    }

    /// <summary>The lifecycle filter for an API status (<c>?status=</c>), plus the outcome filter when one applies.</summary>
    public static (RunLifecycle[] Lifecycles, string? Outcome) ToFilter(RunStatus status) => status switch
    {
        RunStatus.Running => ([RunLifecycle.Pending, RunLifecycle.Running], null),
        RunStatus.WaitingReview => ([RunLifecycle.Interrupted], null),
        RunStatus.Succeeded => ([RunLifecycle.Succeeded], "succeeded"),
        RunStatus.Ignored => ([RunLifecycle.Succeeded], "ignored"),
        RunStatus.Duplicate => ([RunLifecycle.Succeeded], "duplicate"),
        RunStatus.Rejected => ([RunLifecycle.Succeeded], "rejected"),
        _ => ([RunLifecycle.Failed, RunLifecycle.Blocked, RunLifecycle.Cancelled], null),
    };
}
