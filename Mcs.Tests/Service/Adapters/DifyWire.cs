using System.Text.Json.Nodes;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Mcs.Tests.Service.Adapters;

/// <summary>Scripted answers of <see cref="FakeDify"/>: the exact wire of each dify-api.md §9 scenario.</summary>
public static class DifyWire
{
    public static async Task Error(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(new JsonObject { ["code"] = code, ["message"] = message, ["status"] = status }.ToJsonString());
    }

    public static Func<HttpContext, JsonObject, Task> HttpError(int status, string code, string message, int? retryAfterSeconds = null) =>
        async (context, _) =>
        {
            if (retryAfterSeconds is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            await Error(context, status, code, message);
        };

    /// <summary>What nginx or Cloudflare answers: HTML, no JSON.</summary>
    public static Func<HttpContext, JsonObject, Task> Html(int status, string title) =>
        async (context, _) =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync($"<html><head><title>{title}</title></head><body><center><h1>{title}</h1></center><hr><center>nginx</center></body></html>");
        };

    /// <summary>A run that ends with <paramref name="status"/>, answered blocking or streaming as the request asked.</summary>
    public static Func<HttpContext, JsonObject, Task> Finish(FakeDify dify, string status, JsonObject? outputs, string? error = null, int exceptions = 0) =>
        async (context, request) =>
        {
            var (runId, taskId) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
            var data = RunData(runId, status, outputs, error, exceptions);
            dify.Runs[runId] = Detail(runId, status, outputs, error);
            if (request["response_mode"]?.GetValue<string>() == "streaming")
            {
                await StartStream(context);
                await Event(context, Started(runId, taskId));
                await Ping(context);
                await Event(context, NodeFinished(runId, taskId));
                await Event(context, new JsonObject { ["event"] = "workflow_finished", ["task_id"] = taskId, ["workflow_run_id"] = runId, ["data"] = data });
                return;
            }
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(new JsonObject { ["task_id"] = taskId, ["workflow_run_id"] = runId, ["data"] = data }.ToJsonString());
        };

    /// <summary>Streams the start and a node, then closes without workflow_finished; the stored run stays running.</summary>
    public static Func<HttpContext, JsonObject, Task> DropStream(FakeDify dify) =>
        async (context, _) =>
        {
            var (runId, taskId) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
            dify.Runs[runId] = Detail(runId, "running", null, null);
            await StartStream(context);
            await Event(context, Started(runId, taskId));
            await Event(context, NodeFinished(runId, taskId));
        };

    /// <summary>An <c>error</c> event mid-stream: no task_id, no data, top-level code/message/status.</summary>
    public static Func<HttpContext, JsonObject, Task> StreamError(string code, int status, string message) =>
        async (context, _) =>
        {
            var (runId, taskId) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
            await StartStream(context);
            await Event(context, Started(runId, taskId));
            await Event(context, new JsonObject { ["event"] = "error", ["workflow_run_id"] = runId, ["code"] = code, ["message"] = message, ["status"] = status });
        };

    /// <summary>Slow run: pings every <paramref name="pingEvery"/> while streaming; total silence in blocking mode.</summary>
    public static Func<HttpContext, JsonObject, Task> Slow(TimeSpan delay, TimeSpan pingEvery, Func<HttpContext, JsonObject, Task> then) =>
        async (context, request) =>
        {
            if (request["response_mode"]?.GetValue<string>() == "streaming")
            {
                await StartStream(context);
                var end = DateTime.UtcNow + delay;
                while (DateTime.UtcNow < end)
                {
                    await Ping(context);
                    await Task.Delay(pingEvery, context.RequestAborted);
                }
                await then(context, request);
                return;
            }
            await Task.Delay(delay, context.RequestAborted);
            await then(context, request);
        };

    public static JsonObject ContractOutputs(JsonNode contract) => new() { ["contract"] = contract };

    public static JsonObject SampleContract() => new()
    {
        ["contract_no"] = "HT-2026-0042",
        ["buyer_name"] = "上海某某机械有限公司",
        ["seller_name"] = "MCS Trading GmbH",
        ["sign_date"] = "2026年11月3日",
        ["currency"] = "人民币",
        ["total_amount"] = "¥1,234.50",
        ["line_items"] = new JsonArray(new JsonObject
        {
            ["description"] = "Bearing 6204", ["sku"] = "BRG-6204", ["quantity"] = "１０", ["unit"] = "pcs",
            ["unit_price"] = "123.45", ["amount"] = "1,234.50",
        }),
    };

    private static JsonObject RunData(string runId, string status, JsonObject? outputs, string? error, int exceptions) => new()
    {
        ["id"] = runId,
        ["workflow_id"] = "77aa55cc-1234-4abc-9def-001122334455",
        ["status"] = status,
        ["outputs"] = outputs?.DeepClone() ?? new JsonObject(),
        ["error"] = error,
        ["elapsed_time"] = 1.5,
        ["total_tokens"] = 100,
        ["total_steps"] = 4,
        ["created_at"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["finished_at"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["exceptions_count"] = exceptions,
    };

    private static JsonObject Detail(string runId, string status, JsonObject? outputs, string? error) => new()
    {
        ["id"] = runId,
        ["workflow_id"] = "77aa55cc-1234-4abc-9def-001122334455",
        ["status"] = status,
        ["inputs"] = "{\"sys.user_id\": \"mcs-orchestrator\"}",
        ["outputs"] = outputs?.DeepClone() ?? new JsonObject(),
        ["error"] = error,
        ["total_steps"] = 2,
        ["created_at"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["finished_at"] = status == "running" ? null : DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
    };

    private static JsonObject Started(string runId, string taskId) => new()
    {
        ["event"] = "workflow_started", ["task_id"] = taskId, ["workflow_run_id"] = runId,
        ["data"] = new JsonObject { ["id"] = runId, ["workflow_id"] = "77aa", ["inputs"] = new JsonObject(), ["created_at"] = 1767225600 },
    };

    private static JsonObject NodeFinished(string runId, string taskId) => new()
    {
        ["event"] = "node_finished", ["task_id"] = taskId, ["workflow_run_id"] = runId,
        ["data"] = new JsonObject
        {
            ["id"] = "n-1", ["node_id"] = "1711", ["node_type"] = "document-extractor", ["title"] = "Read PDF", ["index"] = 2,
            ["outputs"] = new JsonObject { ["text"] = "SALES CONTRACT" }, ["status"] = "succeeded", ["elapsed_time"] = 0.2,
        },
    };

    private static async Task StartStream(HttpContext context)
    {
        if (!context.Response.HasStarted)
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.StartAsync();
        }
    }

    private static async Task Event(HttpContext context, JsonObject payload)
    {
        await context.Response.WriteAsync("data: " + payload.ToJsonString() + "\n\n", Encoding.UTF8);
        await context.Response.Body.FlushAsync();
    }

    private static async Task Ping(HttpContext context)
    {
        await context.Response.WriteAsync("event: ping\n\n");
        await context.Response.Body.FlushAsync();
    }
}
