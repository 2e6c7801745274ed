namespace Mcs.Orchestrator.Adapters.Smtp;

/// <summary>
/// Tells the customer's salesperson what happened to an order email. Never throws into the order path: a failed
/// send comes back as <see cref="NotificationResult.Sent"/> = false with the reason (only cancellation of
/// <c>cancellationToken</c> throws).
/// </summary>
public interface INotificationSender
{
    Task<NotificationResult> SendAsync(SalesNotification notification, CancellationToken cancellationToken);
}
