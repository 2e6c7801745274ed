namespace Mcs.Orchestrator.Adapters.Dify;

/// <summary>One HTTP attempt's result: a value, or a failure and (for 429) how long the server asked us to wait.</summary>
internal sealed record DifyAttempt<T>(T? Value, DifyFailure? Failure, string? RunId, IReadOnlyList<string> Warnings, TimeSpan? RetryAfter = null)
    where T : class
{
    public static DifyAttempt<T> Ok(T value, string? runId, IReadOnlyList<string> warnings) => new(value, null, runId, warnings);

    public static DifyAttempt<T> Fail(DifyFailure failure, TimeSpan? retryAfter = null) => new(null, failure, failure.WorkflowRunId, [], retryAfter);
}
