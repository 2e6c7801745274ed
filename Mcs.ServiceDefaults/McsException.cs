using Microsoft.AspNetCore.Http;

namespace Mcs.ServiceDefaults;

/// <summary>
/// An expected failure with a stable code and HTTP status, mapped once to ProblemDetails by
/// <see cref="McsExceptionHandler"/>. Throw it from deep code; return TypedResults from handlers where you can.
/// </summary>
public class McsException(string code, string message, int statusCode = StatusCodes.Status400BadRequest, bool retryable = false)
    : Exception(message)
{
    public string Code { get; } = code;
    public int StatusCode { get; } = statusCode;
    public bool Retryable { get; } = retryable;
    public IDictionary<string, string[]>? Errors { get; init; }
}
