namespace Mcs.Orchestrator.Adapters.Dify;

public enum DifyFailureKind
{
    /// <summary>Wrong key, wrong app mode, provider not configured, quota: an operator must act.</summary>
    Configuration,

    /// <summary>Dify rejected our request (400 invalid_param, file type mismatch, file too large).</summary>
    InvalidRequest,

    /// <summary>429 from Dify, the model provider or an edge proxy, still there after retries.</summary>
    RateLimited,

    /// <summary>5xx, gateway timeout, dropped stream, network error, still there after retries or past the deadline.</summary>
    Unavailable,

    /// <summary>HTTP 200 with <c>status: failed</c> or <c>stopped</c>: a node of the workflow failed.</summary>
    RunFailed,

    /// <summary>The run succeeded but its output is empty, unparseable or does not fit the contract records.</summary>
    InvalidOutput,
}
