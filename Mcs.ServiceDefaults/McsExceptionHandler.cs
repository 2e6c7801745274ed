using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Mcs.ServiceDefaults;

/// <summary>
/// Maps exceptions to ProblemDetails once: <see cref="McsException"/> keeps its code and status; a body that does not
/// parse is 400 <c>malformed_request</c> naming the field; a too large body is 413; anything else is 500.
/// </summary>
public sealed class McsExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, code, detail, retryable, errors) = Classify(exception);
        httpContext.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = ReasonPhrase(status), Detail = detail };
        problem.Extensions["code"] = code;
        problem.Extensions["retryable"] = retryable;
        if (errors is not null)
        {
            problem.Extensions["errors"] = errors;
        }
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static (int Status, string Code, string Detail, bool Retryable, IDictionary<string, string[]>? Errors) Classify(Exception exception)
    {
        switch (exception)
        {
            case McsException mcs:
                return (mcs.StatusCode, mcs.Code, mcs.Message, mcs.Retryable, mcs.Errors);
            case BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } tooLarge:
                return (413, ErrorCodes.PayloadTooLarge, tooLarge.Message, false, null);
            case BadHttpRequestException bad when bad.InnerException is JsonException json:
                return (400, ErrorCodes.MalformedRequest, JsonMessage(json), false, JsonErrors(json));
            case BadHttpRequestException bad:
                return (bad.StatusCode, ErrorCodes.MalformedRequest, bad.Message, false, null);
            case JsonException json:
                return (400, ErrorCodes.MalformedRequest, JsonMessage(json), false, JsonErrors(json));
            case OperationCanceledException:
                return (499, "request_cancelled", "The request was cancelled.", true, null);
            default:
                return (500, ErrorCodes.Internal, "An unexpected error occurred; see the trace id in the logs.", true, null);
        }
    }

    private static string JsonMessage(JsonException json) =>
        json.Path is { Length: > 0 } path ? $"Invalid JSON at '{path}': {json.Message}" : $"Invalid JSON: {json.Message}";

    private static Dictionary<string, string[]>? JsonErrors(JsonException json) =>
        json.Path is { Length: > 0 } path ? new Dictionary<string, string[]> { [path] = [json.Message] } : null;

    private static string ReasonPhrase(int status) =>
        Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error";
}
