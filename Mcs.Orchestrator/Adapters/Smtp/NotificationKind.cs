namespace Mcs.Orchestrator.Adapters.Smtp;

public enum NotificationKind
{
    OrderCreated,
    ReviewNeeded,
    Failed,
}
