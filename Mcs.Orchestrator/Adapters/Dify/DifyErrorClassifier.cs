using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Mcs.Orchestrator.Adapters.Dify;

/// <summary>
/// dify-api.md §7 as code: HTTP errors (JSON from Dify, HTML or nothing from proxies), SSE <c>error</c> events and
/// runs that ended <c>failed</c>/<c>stopped</c> become a <see cref="DifyFailure"/> that says whether a retry may help.
/// </summary>
public static partial class DifyErrorClassifier
{
    private static readonly HashSet<string> ConfigurationCodes = new(StringComparer.Ordinal)
    {
        "not_workflow_app", "not_chat_app", "not_completion_app", "app_unavailable", "provider_not_initialize",
        "provider_quota_exceeded", "model_currently_not_support", "unauthorized", "forbidden",
        "workflow_version_execution_not_allowed", "not_found", "unsupported_media_type",
    };

    /// <summary>Classifies a non-2xx answer. <paramref name="body"/> may be JSON, HTML or empty.</summary>
    public static DifyFailure FromHttp(HttpStatusCode status, string? body)
    {
        var (code, message) = ReadErrorJson(body);
        var httpStatus = (int)status;
        message ??= string.IsNullOrWhiteSpace(body) ? $"HTTP {httpStatus} with an empty body" : $"HTTP {httpStatus}: {Shorten(body)}";
        return FromCode(code, message, httpStatus);
    }

    /// <summary>Classifies by Dify's <c>code</c> (HTTP error body or SSE <c>error</c> event).</summary>
    public static DifyFailure FromCode(string? code, string message, int httpStatus)
    {
        if (httpStatus == 429)
        {
            // A daily request cap will not lift in minutes; a concurrency or provider limit will.
            var daily = message.Contains("requests/day", StringComparison.OrdinalIgnoreCase) || message.Contains("RPD", StringComparison.Ordinal);
            return Build(DifyFailureKind.RateLimited, code, message, httpStatus, retryable: !daily);
        }
        if (code is not null && ConfigurationCodes.Contains(code) || httpStatus is 401 or 403 or 404)
        {
            return Build(DifyFailureKind.Configuration, code, message, httpStatus, retryable: false);
        }
        if (code == "completion_request_error")
        {
            return Build(DifyFailureKind.Unavailable, code, message, httpStatus, retryable: true);
        }
        if (code == "invalid_param" && (message.Contains("Reached maximum retries", StringComparison.OrdinalIgnoreCase)
            || message.StartsWith("Run failed", StringComparison.OrdinalIgnoreCase) && IsTransientText(message)))
        {
            // The remote file host (or the model behind a chatflow) had a moment; the request itself is fine.
            return Build(DifyFailureKind.InvalidRequest, code, message, httpStatus, retryable: true);
        }
        if (httpStatus >= 500 || httpStatus == 408 || code is "internal_server_error" or "unknown")
        {
            return Build(DifyFailureKind.Unavailable, code, message, httpStatus, retryable: true);
        }
        return Build(DifyFailureKind.InvalidRequest, code, message, httpStatus, retryable: false);
    }

    /// <summary>A run that ended with a status other than succeeded (HTTP 200).</summary>
    public static DifyFailure FromRun(string status, string? error, string? runId)
    {
        var message = $"workflow run {status}: {error ?? "(no error text)"}";
        var retryable = status == "failed" && error is not null && IsTransientText(error);
        return new DifyFailure
        {
            Kind = DifyFailureKind.RunFailed,
            Code = DifyErrorCodes.RunFailed,
            Message = message,
            Retryable = retryable,
            HttpStatus = 200,
            DifyCode = status,
            WorkflowRunId = runId,
        };
    }

    public static DifyFailure Unavailable(string message, string? runId = null) => new()
    {
        Kind = DifyFailureKind.Unavailable,
        Code = DifyErrorCodes.Unavailable,
        Message = message,
        Retryable = true,
        WorkflowRunId = runId,
    };

    public static DifyFailure InvalidOutput(string message, string? runId, bool retryable) => new()
    {
        Kind = DifyFailureKind.InvalidOutput,
        Code = DifyErrorCodes.InvalidOutput,
        Message = message,
        Retryable = retryable,
        HttpStatus = 200,
        WorkflowRunId = runId,
    };

    /// <summary>Error texts of failed nodes that a later run may not hit: rate limits, timeouts, 5xx, flaky downloads.</summary>
    public static bool IsTransientText(string text) => TransientTextRegex().IsMatch(text);

    private static DifyFailure Build(DifyFailureKind kind, string? code, string message, int httpStatus, bool retryable) => new()
    {
        Kind = kind,
        Code = kind switch
        {
            DifyFailureKind.Configuration => DifyErrorCodes.Configuration,
            DifyFailureKind.InvalidRequest => DifyErrorCodes.InvalidRequest,
            DifyFailureKind.RateLimited => DifyErrorCodes.RateLimited,
            DifyFailureKind.RunFailed => DifyErrorCodes.RunFailed,
            DifyFailureKind.InvalidOutput => DifyErrorCodes.InvalidOutput,
            _ => DifyErrorCodes.Unavailable,
        },
        Message = message,
        Retryable = retryable,
        HttpStatus = httpStatus,
        DifyCode = code,
    };

    private static (string? Code, string? Message) ReadErrorJson(string? body)
    {
        if (string.IsNullOrWhiteSpace(body) || !body.TrimStart().StartsWith('{'))
        {
            return (null, null);
        }
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var code = root.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            return (code, message);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string Shorten(string text)
    {
        var flat = WhitespaceRegex().Replace(text, " ").Trim();
        return flat.Length <= 200 ? flat : flat[..200] + "…";
    }

    [GeneratedRegex(@"rate.?limit|\b429\b|too many requests|time.?out|timed out|\b50[0-4]\b|server error|reached maximum retries|temporarily|overloaded|unavailable|connection (reset|refused|error)", RegexOptions.IgnoreCase)]
    private static partial Regex TransientTextRegex();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRegex();
}
