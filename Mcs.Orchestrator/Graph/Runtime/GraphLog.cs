namespace Mcs.Orchestrator.Graph.Runtime;

internal static partial class GraphLog
{
    [LoggerMessage(1, LogLevel.Warning, "Run {RunId} was taken over from {PreviousOwner}")]
    public static partial void TakenOver(ILogger logger, Guid runId, string previousOwner);

    [LoggerMessage(2, LogLevel.Warning, "Run {RunId}: lease lost at node {Node} step {Step}; this replica stops advancing it")]
    public static partial void LeaseLost(ILogger logger, Guid runId, string node, int step);

    [LoggerMessage(3, LogLevel.Error, "Run {RunId} failed at node {Node} after attempt {Attempt}: {Code}")]
    public static partial void RunFailed(ILogger logger, Guid runId, string node, int attempt, string code);

    [LoggerMessage(4, LogLevel.Error, "Run {RunId} hit the crash-loop cap ({Claims} claims without progress); marked failed")]
    public static partial void CrashLoop(ILogger logger, Guid runId, int claims);

    [LoggerMessage(5, LogLevel.Error, "Run {RunId} is blocked: {Reason}")]
    public static partial void Blocked(ILogger logger, Guid runId, string reason);

    [LoggerMessage(6, LogLevel.Warning, "Lease renewal failed; retried on the next heartbeat")]
    public static partial void RenewalFailed(ILogger logger, Exception exception);

    [LoggerMessage(7, LogLevel.Error, "The graph worker loop failed; continuing")]
    public static partial void WorkerFailed(ILogger logger, Exception exception);

    [LoggerMessage(8, LogLevel.Information, "Pruned {Count} intermediate checkpoints of runs finished before {Cutoff}")]
    public static partial void Pruned(ILogger logger, int count, DateTimeOffset cutoff);

    [LoggerMessage(9, LogLevel.Error, "Runs wait at nodes their graph no longer has: {Details}")]
    public static partial void MissingNodes(ILogger logger, string details);

    [LoggerMessage(10, LogLevel.Warning, "Run {RunId}: attempt {Attempt} of node {Node} failed ({Code}); retry at {NotBefore}")]
    public static partial void RetryScheduled(ILogger logger, Guid runId, string node, int attempt, string code, DateTimeOffset notBefore);
}
