using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Mcs.Tests.Service.Adapters;

/// <summary>
/// Dify's service API as dify-api.md describes it, reduced to what the client uses, with a queue of scripted answers
/// for <c>POST /v1/workflows/run</c> (one per call; the last repeats). Each answer reproduces a §9 scenario byte for
/// byte: JSON errors, HTML from an edge, SSE framing with pings, streams that stop early.
/// </summary>
public sealed class FakeDify
{
    public const string ContractKey = "app-contract-test-key";
    public const string OrderKey = "app-order-test-key";

    private readonly ConcurrentQueue<Func<HttpContext, JsonObject, Task>> _script = new();
    private Func<HttpContext, JsonObject, Task>? _last;

    public ConcurrentBag<JsonObject> RunRequests { get; } = [];
    public ConcurrentBag<string> StoppedTasks { get; } = [];
    public ConcurrentDictionary<string, JsonObject> Runs { get; } = new();
    public int UploadCount;

    /// <summary>What <c>GET /workflows/run/{id}</c> answers for runs the script left "running" (legacy shapes etc.).</summary>
    public Func<string, JsonObject?>? RunDetailOverride { get; set; }

    public void Script(params Func<HttpContext, JsonObject, Task>[] answers)
    {
        foreach (var answer in answers)
        {
            _script.Enqueue(answer);
        }
    }

    public void Map(WebApplication app)
    {
        app.MapPost("/v1/workflows/run", RunAsync);
        app.MapPost("/v1/files/upload", UploadAsync);
        app.MapGet("/v1/workflows/run/{id}", (string id) =>
        {
            if (RunDetailOverride?.Invoke(id) is { } custom)
            {
                return Results.Text(custom.ToJsonString(), "application/json");
            }
            return Runs.TryGetValue(id, out var run)
                ? Results.Text(run.ToJsonString(), "application/json")
                : Results.Json(new { code = "not_found", message = "Workflow run not found.", status = 404 }, statusCode: 404);
        });
        app.MapPost("/v1/workflows/tasks/{taskId}/stop", (string taskId) =>
        {
            StoppedTasks.Add(taskId);
            return Results.Json(new { result = "success" });
        });
    }

    private async Task RunAsync(HttpContext context)
    {
        var key = await AuthorizeAsync(context);
        if (key is null)
        {
            return;
        }
        var body = JsonNode.Parse(await new StreamReader(context.Request.Body).ReadToEndAsync())!.AsObject();
        body["_key"] = key;
        RunRequests.Add(body);
        if (string.IsNullOrEmpty(body["user"]?.GetValue<string>()))
        {
            await DifyWire.Error(context, 400, "invalid_param", "Arg user must be provided.");
            return;
        }
        var answer = _script.TryDequeue(out var next) ? (_last = next) : _last;
        if (answer is null)
        {
            await DifyWire.Error(context, 500, "unknown", "Internal Server Error");
            return;
        }
        await answer(context, body);
    }

    private async Task UploadAsync(HttpContext context)
    {
        if (await AuthorizeAsync(context) is null)
        {
            return;
        }
        var form = await context.Request.ReadFormAsync();
        if (form.Files.Count == 0)
        {
            await DifyWire.Error(context, 400, "no_file_uploaded", "Please upload your file.");
            return;
        }
        Interlocked.Increment(ref UploadCount);
        var file = form.Files[0];
        context.Response.StatusCode = 201;
        await context.Response.WriteAsJsonAsync(new
        {
            id = Guid.NewGuid().ToString(),
            name = file.FileName,
            size = file.Length,
            extension = Path.GetExtension(file.FileName).TrimStart('.'),
            mime_type = file.ContentType,
            created_by = Guid.NewGuid().ToString(),
            created_at = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            user = form["user"].ToString(),
        });
    }

    private static async Task<string?> AuthorizeAsync(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var key = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..] : "";
        if (key is ContractKey or OrderKey)
        {
            return key;
        }
        context.Response.Headers.WWWAuthenticate = "Bearer realm=\"api\"";
        await DifyWire.Error(context, 401, "unauthorized", "Access token is invalid");
        return null;
    }
}
