namespace Mcs.Mocks.Dify.Scripting;

/// <summary>The failure scenarios of dify-api.md §9, by the names a script uses.</summary>
public static class DifyFaults
{
    public const string RunFailed = "run_failed";
    public const string Partial = "partial";
    public const string FencedJson = "fenced_json";
    public const string EmptyOutput = "empty_output";
    public const string Slow = "slow";
    public const string GatewayTimeout = "gateway_timeout";
    public const string DropStream = "drop_stream";
    public const string StreamError = "stream_error";
    public const string RateLimited = "rate_limited";
    public const string ProviderRateLimit = "provider_rate_limit";
    public const string Edge429Html = "edge_429_html";
    public const string ProviderNotInit = "provider_not_init";
    public const string Quota = "quota";
    public const string RemoteUrlUnreachable = "remote_url_unreachable";
    public const string RemoteUrl404AtNode = "remote_url_404_at_node";
    public const string TypeMismatch = "type_mismatch";
    public const string Server500 = "server_500";
    public const string LegacyShapes = "legacy_shapes";

    public static readonly IReadOnlySet<string> All = new HashSet<string>
    {
        RunFailed, Partial, FencedJson, EmptyOutput, Slow, GatewayTimeout, DropStream, StreamError, RateLimited,
        ProviderRateLimit, Edge429Html, ProviderNotInit, Quota, RemoteUrlUnreachable, RemoteUrl404AtNode,
        TypeMismatch, Server500, LegacyShapes,
    };

    /// <summary>A scenario about time needs time even when the script gives none.</summary>
    public static int DefaultDelayMs(string? fault) => fault switch
    {
        Slow => 15_000,
        GatewayTimeout or DropStream => 500,
        _ => 0,
    };
}
