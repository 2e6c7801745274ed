namespace Mcs.Orchestrator.Adapters.Smtp;

public enum NotificationLanguage
{
    Zh,
    En,
}
