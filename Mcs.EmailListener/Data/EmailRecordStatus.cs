namespace Mcs.EmailListener.Data;

/// <summary>Where a delivery stands on its way to the orchestrator (about delivery, not about the order).</summary>
public enum EmailRecordStatus
{
    /// <summary>Recorded and waiting to be handed over.</summary>
    Received,
    /// <summary>Claimed by a dispatcher; a POST is in flight (claimed again if its replica died).</summary>
    Dispatched,
    /// <summary>The orchestrator answered 2xx.</summary>
    Accepted,
    /// <summary>The last attempt failed with a retryable error; retried at <c>next_attempt_at</c>.</summary>
    Failed,
    /// <summary>Permanently refused (unparseable mail, or a 4xx other than 408/429), with the reason.</summary>
    Rejected,
}
