using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mcs.Mocks.Dify;

/// <summary>
/// The Dify Service API routes (dify-api.md §9). Anonymous for MCS's fallback policy because Dify authenticates with
/// its own app keys and answers in its own error JSON, not ProblemDetails.
/// </summary>
public static class DifyEndpoints
{
    public static IEndpointRouteBuilder MapDifyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1").WithTags("Dify stand-in").AllowAnonymous().ExcludeFromDescription();
        group.MapPost("/workflows/run", RunWorkflow);
        group.MapPost("/workflows/{workflowId}/run", RunWorkflowVersion);
        group.MapGet("/workflows/run/{workflowRunId}", GetRun);
        group.MapPost("/workflows/tasks/{taskId}/stop", StopTask);
        group.MapPost("/files/upload", Upload).DisableAntiforgery();
        group.MapGet("/parameters", GetParameters);
        group.MapGet("/info", GetInfo);
        group.MapPost("/chat-messages", ChatMessages);
        group.MapPost("/completion-messages", CompletionMessages);
        return app;
    }

    public static async Task<IResult> RunWorkflow(HttpContext http, DifyAppCatalog apps, DifyRunService runs, CancellationToken cancellationToken)
    {
        if (!DifyAuthenticator.TryAuthenticate(http, apps, out var app, out var failure))
        {
            return failure;
        }
        return await runs.StartAsync(app, http.Request, cancellationToken);
    }

    public static async Task<IResult> RunWorkflowVersion(string workflowId, HttpContext http, DifyAppCatalog apps, DifyRunService runs, CancellationToken cancellationToken)
    {
        if (!DifyAuthenticator.TryAuthenticate(http, apps, out var app, out var failure))
        {
            return failure;
        }
        if (!Guid.TryParse(workflowId, out var id))
        {
            return DifyErrors.Json(400, "bad_request", "Invalid workflow_id format");
        }
        if (!string.Equals(id.ToString(), app.WorkflowId, StringComparison.OrdinalIgnoreCase))
        {
            return DifyErrors.NotFound("Workflow not found.");
        }
        return await runs.StartAsync(app, http.Request, cancellationToken);
    }

    public static IResult GetRun(string workflowRunId, HttpContext http, DifyAppCatalog apps, DifyRunStore runs)
    {
        if (!DifyAuthenticator.TryAuthenticate(http, apps, out var app, out var failure))
        {
            return failure;
        }
        var legacy = runs.UsesLegacyShapes(app.Workflow);
        var run = Guid.TryParse(workflowRunId, out var id) ? runs.Find(id) : null;
        if (run is null || run.Workflow != app.Workflow)
        {
            return legacy ? Json(DifyRunDetail.LegacyUnknown()) : DifyErrors.NotFound("Workflow run not found.");
        }
        return Json(legacy ? DifyRunDetail.Legacy(app, run) : DifyRunDetail.Current(app, run));
    }

    public static async Task<IResult> StopTask(string taskId, HttpContext http, DifyAppCatalog apps, DifyRunStore runs, CancellationToken cancellationToken)
    {
        if (!DifyAuthenticator.TryAuthenticate(http, apps, out _, out var failure))
        {
            return failure;
        }
        JsonObject? body = null;
        try
        {
            body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: cancellationToken) as JsonObject;
        }
        catch (JsonException)
        {
            // Treated as a missing user below, as Dify's argument parser does.
        }
        if (body?["user"] is not JsonValue user || !user.TryGetValue<string>(out var text) || string.IsNullOrWhiteSpace(text))
        {
            return DifyErrors.InvalidParam("Arg user must be provided.");
        }
        if (Guid.TryParse(taskId, out var id))
        {
            runs.RequestStop(id);
        }
        return Json(new JsonObject { ["result"] = "success" });
    }

    public static async Task<IResult> Upload(HttpContext http, DifyAppCatalog apps, DifyUploadHandler uploads, CancellationToken cancellationToken)
    {
        if (!DifyAuthenticator.TryAuthenticate(http, apps, out var app, out var failure))
        {
            return failure;
        }
        return await uploads.UploadAsync(app, http.Request, cancellationToken);
    }

    public static IResult GetParameters(HttpContext http, DifyAppCatalog apps) =>
        DifyAuthenticator.TryAuthenticate(http, apps, out var app, out var failure) ? Json(DifyAppDescription.Parameters(app)) : failure;

    public static IResult GetInfo(HttpContext http, DifyAppCatalog apps) =>
        DifyAuthenticator.TryAuthenticate(http, apps, out var app, out var failure) ? Json(DifyAppDescription.Info(app)) : failure;

    /// <summary>Both apps are workflow apps, so the chat route refuses them as Dify does.</summary>
    public static IResult ChatMessages(HttpContext http, DifyAppCatalog apps) =>
        DifyAuthenticator.TryAuthenticate(http, apps, out _, out var failure)
            ? DifyErrors.Json(400, "not_chat_app", "Please check if your app mode matches the right API route.")
            : failure;

    public static IResult CompletionMessages(HttpContext http, DifyAppCatalog apps) =>
        DifyAuthenticator.TryAuthenticate(http, apps, out _, out var failure)
            ? DifyErrors.Json(400, "app_unavailable", "App unavailable, please check your app configurations.")
            : failure;

    private static IResult Json(JsonObject body) => TypedResults.Text(body.ToJsonString(), "application/json");
}
