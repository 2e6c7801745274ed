namespace Mcs.Orchestrator.Adapters.Erp;

internal static partial class ErpLog
{
    [LoggerMessage(EventId = 4200, Level = LogLevel.Warning, Message = "ERP create attempt {Attempt} failed: {Code}: {Detail}")]
    public static partial void AttemptFailed(ILogger logger, int attempt, string code, string detail);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "ERP order for {ExternalRef} already exists ({OrderNo}); not resending")]
    public static partial void FoundBeforeResend(ILogger logger, string externalRef, string orderNo);
}
