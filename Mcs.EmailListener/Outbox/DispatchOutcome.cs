namespace Mcs.EmailListener.Outbox;

/// <summary>What one POST to the run endpoint came to: accepted (any 2xx), rejected for good, or to be retried.</summary>
public sealed record DispatchOutcome(DispatchResult Result, string? Reason, string? RunId)
{
    public static DispatchOutcome Accepted(string? runId) => new(DispatchResult.Accepted, null, runId);

    public static DispatchOutcome Rejected(string reason) => new(DispatchResult.Rejected, reason, null);

    public static DispatchOutcome Retry(string reason) => new(DispatchResult.Retry, reason, null);
}
