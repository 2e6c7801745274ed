namespace Mcs.Orchestrator.Adapters.Dify;

internal static partial class DifyLog
{
    // A first-try success is the normal case and already in the run's audit trail: Debug. A success after failed
    // attempts is news (the failures were logged as warnings): Information. Three first-try calls per run had been
    // three lines per run through the console, DCP and the dashboard.
    [LoggerMessage(EventId = 4100, Message = "Dify {Operation} succeeded on attempt {Attempt} (run {RunId})")]
    private static partial void Succeeded(ILogger logger, LogLevel level, string operation, int attempt, string? runId);

    public static void Succeeded(ILogger logger, string operation, int attempt, string? runId) =>
        Succeeded(logger, attempt == 1 ? LogLevel.Debug : LogLevel.Information, operation, attempt, runId);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Dify {Operation} attempt {Attempt} failed: {Code} retryable={Retryable}: {Detail}")]
    public static partial void AttemptFailed(ILogger logger, string operation, int attempt, string code, bool retryable, string detail);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Dify {Workflow} stream ended without workflow_finished (run {RunId}); polling the run")]
    public static partial void StreamLost(ILogger logger, string workflow, string? runId);
}
