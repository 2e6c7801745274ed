using System.Collections.Concurrent;
using Mcs.Orchestrator.Adapters.Smtp;

namespace Mcs.Tests.Support.Fakes;

/// <summary>Keeps every notification; <see cref="Down"/> makes sends fail the way an unreachable SMTP relay does.</summary>
public sealed class RecordingNotificationSender : INotificationSender
{
    public ConcurrentQueue<SalesNotification> Sent { get; } = new();

    public bool Down { get; set; }

    public Task<NotificationResult> SendAsync(SalesNotification notification, CancellationToken cancellationToken)
    {
        if (Down)
        {
            return Task.FromResult(NotificationResult.Failure("smtp connection refused"));
        }
        Sent.Enqueue(notification);
        return Task.FromResult(NotificationResult.Success("<" + notification.IdempotencyKey + "@test>"));
    }
}
