namespace Mcs.Orchestrator.Graph;

/// <summary>A run as stored in <c>graph_run</c> (without its state; see <see cref="IGraphEngine.GetStateAsync{TState}(RunInfo, int?, CancellationToken)"/>).</summary>
public sealed record RunInfo
{
    public required Guid RunId { get; init; }

    /// <summary>The original run of a replay chain (the run itself when it is not a fork).</summary>
    public required Guid LineageId { get; init; }

    public Guid? ParentRunId { get; init; }

    public int? ForkedFromStep { get; init; }

    public required string GraphName { get; init; }

    public required int FlowVersion { get; init; }

    public required string GraphFingerprint { get; init; }

    public required string BusinessKey { get; init; }

    public required RunLifecycle Status { get; init; }

    /// <summary>The business outcome the graph gave the finished run (e.g. <c>ignored</c>), or null.</summary>
    public string? Outcome { get; init; }

    /// <summary>Steps committed so far (the latest checkpoint's step).</summary>
    public required int Step { get; init; }

    /// <summary>The node that runs next, or null when the run is finished.</summary>
    public string? NextNode { get; init; }

    /// <summary>Failed attempts of <see cref="NextNode"/> at this step.</summary>
    public int Attempt { get; init; }

    public DateTimeOffset? NotBefore { get; init; }

    public string? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }

    public string? ErrorNode { get; init; }

    public bool ErrorRetryable { get; init; }

    public ReplayMode? ReplayMode { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>True once the run is succeeded, failed, cancelled or blocked; an interrupted run is paused, not settled.</summary>
    public bool IsFinished => Status is RunLifecycle.Succeeded or RunLifecycle.Failed or RunLifecycle.Cancelled or RunLifecycle.Blocked;

    /// <summary>Finished or paused for review: what <see cref="IGraphEngine.WaitForSettledAsync"/> waits for.</summary>
    public bool IsSettled => IsFinished || Status == RunLifecycle.Interrupted;
}
