namespace Mcs.Orchestrator.Adapters.Dify;

internal static partial class DifyLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Dify {Operation} succeeded on attempt {Attempt} (run {RunId})")]
    public static partial void Succeeded(ILogger logger, string operation, int attempt, string? runId);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Dify {Operation} attempt {Attempt} failed: {Code} retryable={Retryable}: {Detail}")]
    public static partial void AttemptFailed(ILogger logger, string operation, int attempt, string code, bool retryable, string detail);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Dify {Workflow} stream ended without workflow_finished (run {RunId}); polling the run")]
    public static partial void StreamLost(ILogger logger, string workflow, string? runId);
}
