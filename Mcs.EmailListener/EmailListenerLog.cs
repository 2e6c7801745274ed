namespace Mcs.EmailListener;

/// <summary>The listener's log messages. Addresses and subjects are never logged; mailbox names and UIDs are not personal.</summary>
internal static partial class EmailListenerLog
{
    [LoggerMessage(1, LogLevel.Information, "Mailbox {Mailbox}: UIDVALIDITY changed from {Old} to {New}; re-syncing, already recorded mail is matched by its raw hash")]
    public static partial void UidValidityChanged(ILogger logger, string mailbox, long old, long @new);

    [LoggerMessage(2, LogLevel.Warning, "Mailbox {Mailbox}: session failed (attempt {Attempt}); reconnecting in {Delay}")]
    public static partial void SessionFailed(ILogger logger, Exception exception, string mailbox, int attempt, TimeSpan delay);

    [LoggerMessage(3, LogLevel.Information, "Mailbox {Mailbox}: recorded UID {Uid} as {Status} ({Reason})")]
    public static partial void Recorded(ILogger logger, string mailbox, long uid, string status, string? reason);

    [LoggerMessage(4, LogLevel.Information, "Mailbox {Mailbox}: this replica now owns the mailbox")]
    public static partial void LeaseAcquired(ILogger logger, string mailbox);

    [LoggerMessage(5, LogLevel.Warning, "Mailbox {Mailbox}: lease lost; stopping the session")]
    public static partial void LeaseLost(ILogger logger, string mailbox);

    [LoggerMessage(6, LogLevel.Warning, "Delivery {DeliveryId}: orchestrator refused it permanently: {Reason}")]
    public static partial void DispatchRejected(ILogger logger, string deliveryId, string reason);

    [LoggerMessage(7, LogLevel.Information, "Delivery {DeliveryId}: attempt {Attempt} failed ({Reason}); next attempt at {NextAttemptAt}")]
    public static partial void DispatchRetry(ILogger logger, string deliveryId, int attempt, string reason, DateTimeOffset nextAttemptAt);

    [LoggerMessage(8, LogLevel.Error, "Outbox pass failed; trying again at the next tick")]
    public static partial void OutboxPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(9, LogLevel.Information, "Mailbox {Mailbox}: {Count} accepted mail(s) {Action}")]
    public static partial void MailboxActionApplied(ILogger logger, string mailbox, int count, string action);
}
