namespace Mcs.Orchestrator.Api;

/// <summary>Stable error codes of the orchestrator API (docs/errors.md, Orchestrator section).</summary>
public static class OrchestratorErrorCodes
{
    public const string RunNotFound = "run_not_found";
    public const string NodeUnknown = "replay_node_unknown";
    public const string NotWaitingReview = "run_not_waiting_review";
    public const string ReviewConflict = "review_conflict";
    public const string ReviewPayloadInvalid = "review_payload_invalid";
    public const string ReviewPayloadRequired = "review_payload_required";
    public const string ReviewReasonRequired = "review_reason_required";
    public const string InvalidStatus = "invalid_status";
    public const string InvalidWait = "invalid_wait";
}
