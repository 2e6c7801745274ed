namespace Mcs.Orchestrator.Adapters.Smtp;

public sealed record NotificationResult
{
    public required bool Sent { get; init; }
    public string? MessageId { get; init; }
    public string? Error { get; init; }

    public static NotificationResult Success(string messageId) => new() { Sent = true, MessageId = messageId };

    public static NotificationResult Failure(string error) => new() { Sent = false, Error = error };
}
