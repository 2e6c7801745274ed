namespace Mcs.Orchestrator.Adapters.Smtp;

public sealed record RenderedNotification(string Subject, string Text, string Html);
