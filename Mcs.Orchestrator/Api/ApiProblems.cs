using Mcs.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mcs.Orchestrator.Api;

/// <summary><see cref="McsProblemDetails.Problem"/> as a typed result, so handlers can declare <c>Results&lt;..., ProblemHttpResult&gt;</c>.</summary>
internal static class ApiProblems
{
    public static ProblemHttpResult Problem(int status, string code, string detail, IDictionary<string, string[]>? errors = null) =>
        (ProblemHttpResult)McsProblemDetails.Problem(status, code, detail, errors);
}
