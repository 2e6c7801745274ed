namespace Mcs.Orchestrator.Adapters.Smtp;

internal static partial class SmtpLog
{
    [LoggerMessage(EventId = 4300, Level = LogLevel.Information, Message = "Notification {Kind} for run {RunId} sent")]
    public static partial void Sent(ILogger logger, NotificationKind kind, string runId);

    [LoggerMessage(EventId = 4301, Level = LogLevel.Warning, Message = "Notification {Kind} for run {RunId} not sent: {ErrorType}: {Detail}")]
    public static partial void Failed(ILogger logger, NotificationKind kind, string runId, string errorType, string detail);
}
