namespace Mcs.Orchestrator.Graphs.SalesEmail;

/// <summary>What was sent to the salesperson (kind: order_created, review_needed, failed) and whether it went out.</summary>
public sealed record NotificationRecord(string Kind, bool Sent, string? Error = null);
