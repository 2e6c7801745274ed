using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Mcs.ServiceDefaults;

/// <summary>
/// ProblemDetails for every error: a stable <c>code</c>, the <c>trace_id</c> and <c>retryable</c>, whatever produced it.
/// </summary>
public static class McsProblemDetails
{
    public static IServiceCollection AddMcsProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var extensions = context.ProblemDetails.Extensions;
            extensions["trace_id"] = Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
            if (!extensions.ContainsKey("code"))
            {
                extensions["code"] = DefaultCode(context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode);
            }
            if (!extensions.ContainsKey("retryable"))
            {
                var status = context.ProblemDetails.Status ?? 500;
                extensions["retryable"] = status is 408 or 429 or >= 500;
            }
        });
        services.AddExceptionHandler<McsExceptionHandler>();
        return services;
    }

    /// <summary>A problem result with a stable code, for handlers that return expected failures.</summary>
    public static IResult Problem(int status, string code, string detail, IDictionary<string, string[]>? errors = null, bool retryable = false)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = code, ["retryable"] = retryable };
        if (errors is not null)
        {
            extensions["errors"] = errors;
        }
        return TypedResults.Problem(detail: detail, statusCode: status, title: TitleFor(status), extensions: extensions);
    }

    internal static string DefaultCode(int status) => status switch
    {
        400 => ErrorCodes.MalformedRequest,
        401 => ErrorCodes.Unauthorized,
        403 => ErrorCodes.Forbidden,
        404 => ErrorCodes.NotFound,
        409 => ErrorCodes.Conflict,
        413 => ErrorCodes.PayloadTooLarge,
        422 => ErrorCodes.ValidationFailed,
        503 => ErrorCodes.Unavailable,
        _ => status >= 500 ? ErrorCodes.Internal : ErrorCodes.MalformedRequest,
    };

    private static string TitleFor(int status) => status switch
    {
        400 => "Bad request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not found",
        409 => "Conflict",
        413 => "Payload too large",
        422 => "Unprocessable entity",
        503 => "Service unavailable",
        _ => "Error",
    };
}
