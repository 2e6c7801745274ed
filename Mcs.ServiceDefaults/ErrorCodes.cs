namespace Mcs.ServiceDefaults;

/// <summary>
/// Stable error codes shared by every service (the <c>code</c> extension of ProblemDetails). The full list, with
/// the codes each service adds, is docs/errors.md.
/// </summary>
public static class ErrorCodes
{
    public const string ValidationFailed = "validation_failed";
    public const string MalformedRequest = "malformed_request";
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string NotFound = "not_found";
    public const string Conflict = "conflict";
    public const string PayloadTooLarge = "payload_too_large";
    public const string UnprocessableReference = "unknown_reference";
    public const string Unavailable = "service_unavailable";
    public const string Internal = "internal_error";
}
