namespace Mcs.Orchestrator.Adapters.Dify;

/// <summary>Stable codes of <see cref="DifyFailure.Code"/> (docs/errors.md, Orchestrator section).</summary>
public static class DifyErrorCodes
{
    public const string Configuration = "dify_configuration";
    public const string InvalidRequest = "dify_invalid_request";
    public const string RateLimited = "dify_rate_limited";
    public const string Unavailable = "dify_unavailable";
    public const string RunFailed = "dify_run_failed";
    public const string InvalidOutput = "dify_invalid_output";
}
