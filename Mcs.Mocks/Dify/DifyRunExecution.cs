using System.Text;
using System.Text.Json.Nodes;

namespace Mcs.Mocks.Dify;

/// <summary>
/// Plays a planned run over HTTP, blocking (silent until the end, as Dify is) or streaming (SSE with pings while the
/// LLM node "works"), and keeps the run's state in <see cref="DifyRunStore"/> so GET run detail and stop agree with
/// what the caller saw.
/// </summary>
public sealed class DifyRunExecution(DifyApp app, DifyRun run, DifyRunPlan plan, JsonObject inputs, string user, bool streaming, IDisposable lease) : IResult
{
    private static readonly byte[] Ping = Encoding.UTF8.GetBytes("event: ping\n\n");

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var services = httpContext.RequestServices;
        var time = services.GetRequiredService<TimeProvider>();
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MocksOptions>>().Value;
        var context = new RunContext(httpContext, time, TimeSpan.FromMilliseconds(options.DifyPingIntervalMs), new DifyRunEvents(app, run, user));
        try
        {
            if (streaming)
            {
                await StreamAsync(context);
            }
            else
            {
                await BlockAsync(context);
            }
        }
        catch (OperationCanceledException) when (httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away: like Dify, the run is left as it was (often "running" for ever, dify-api.md §8.2).
        }
        finally
        {
            lease.Dispose();
        }
    }

    private async Task BlockAsync(RunContext context)
    {
        var stopped = await WaitAsync(context, pings: false);
        switch (stopped ? DifyRunEnding.Finish : plan.Ending)
        {
            case DifyRunEnding.Drop:
                context.Http.Abort();
                return;
            case DifyRunEnding.GatewayTimeout:
                Complete(context, stopped);
                await DifyErrors.Html(504, DifyErrors.HtmlGatewayTimeout).ExecuteAsync(context.Http);
                return;
            case DifyRunEnding.StreamError:
                Complete(context, stopped);
                await DifyErrors.Json(400, "completion_request_error", plan.Error ?? "").ExecuteAsync(context.Http);
                return;
            default:
                Complete(context, stopped);
                await TypedResults.Text(context.Events.Blocking().ToJsonString(), "application/json").ExecuteAsync(context.Http);
                return;
        }
    }

    private async Task StreamAsync(RunContext context)
    {
        var response = context.Http.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        await WriteRawAsync(context, Ping);
        await WriteAsync(context, context.Events.WorkflowStarted(inputs));
        var stopped = false;
        for (var index = 0; index < app.Nodes.Count; index++)
        {
            var node = app.Nodes[index];
            var executionId = Guid.NewGuid();
            var startedAt = Now(context);
            await WriteAsync(context, context.Events.NodeStarted(node, index, executionId, startedAt));
            if (node.NodeType == "llm")
            {
                stopped = await WaitAsync(context, pings: true);
                if (!stopped && plan.Ending is DifyRunEnding.Drop or DifyRunEnding.GatewayTimeout)
                {
                    if (plan.Ending == DifyRunEnding.GatewayTimeout)
                    {
                        Complete(context, stopped: false);
                    }
                    context.Http.Abort();
                    return;
                }
                if (!stopped && plan.Ending == DifyRunEnding.StreamError)
                {
                    Complete(context, stopped: false);
                    await WriteAsync(context, context.Events.Error("completion_request_error", plan.Error ?? "", 400));
                    return;
                }
                if (!stopped && plan.StreamedText is { } text && plan.Status != "failed")
                {
                    foreach (var chunk in Chunks(text))
                    {
                        await WriteAsync(context, context.Events.TextChunk(node, chunk));
                    }
                }
            }
            var failsHere = !stopped && plan.Status == "failed" && node.NodeType == plan.FailingNodeType;
            var nodeStatus = stopped ? "stopped" : failsHere ? "failed" : "succeeded";
            await WriteAsync(context, context.Events.NodeFinished(node, index, executionId, startedAt, Now(context), nodeStatus, NodeOutputs(node), failsHere ? plan.Error : null));
            if (stopped || failsHere)
            {
                break;
            }
        }
        Complete(context, stopped);
        await WriteAsync(context, context.Events.WorkflowFinished());
    }

    /// <summary>Waits out the plan's delay (pinging when streaming); true when a stop request arrived meanwhile.</summary>
    private async Task<bool> WaitAsync(RunContext context, bool pings)
    {
        var deadline = context.Time.GetUtcNow().AddMilliseconds(plan.DelayMs);
        var nextPing = context.Time.GetUtcNow() + context.PingInterval;
        while (context.Time.GetUtcNow() < deadline)
        {
            if (IsStopRequested())
            {
                return true;
            }
            var now = context.Time.GetUtcNow();
            var step = new[] { deadline - now, nextPing - now, TimeSpan.FromMilliseconds(100) }.Min();
            await Task.Delay(step > TimeSpan.Zero ? step : TimeSpan.Zero, context.Time, context.Http.RequestAborted);
            if (pings && context.Time.GetUtcNow() >= nextPing)
            {
                await WriteRawAsync(context, Ping);
                nextPing += context.PingInterval;
            }
        }
        return IsStopRequested();
    }

    private bool IsStopRequested()
    {
        lock (run)
        {
            return run.StopRequested;
        }
    }

    private void Complete(RunContext context, bool stopped)
    {
        lock (run)
        {
            run.Status = stopped ? "stopped" : plan.Status;
            run.Outputs = stopped || plan.Status == "failed" ? [] : (JsonObject)plan.Outputs.DeepClone();
            run.Error = stopped ? "Workflow execution stopped by user." : plan.Error;
            run.ExceptionsCount = plan.ExceptionsCount;
            run.TotalSteps = run.Status == "succeeded" || run.Status == "partial-succeeded" ? app.Nodes.Count : 2;
            run.FinishedAt = Now(context);
            run.ElapsedTime = (context.Time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(run.CreatedAt)).TotalSeconds;
        }
    }

    private JsonObject? NodeOutputs(DifyNode node) => node.NodeType switch
    {
        "start" => (JsonObject)inputs.DeepClone(),
        "document-extractor" => new JsonObject { ["text"] = plan.DocumentText ?? "" },
        "llm" => new JsonObject { ["text"] = plan.StreamedText ?? plan.Outputs[app.OutputVariable]?.ToJsonString() ?? "" },
        _ => (JsonObject)plan.Outputs.DeepClone(),
    };

    private static IEnumerable<string> Chunks(string text)
    {
        const int Size = 64;
        for (var i = 0; i < text.Length; i += Size)
        {
            yield return text.Substring(i, Math.Min(Size, text.Length - i));
        }
    }

    private static long Now(RunContext context) => context.Time.GetUtcNow().ToUnixTimeSeconds();

    private static Task WriteAsync(RunContext context, JsonObject payload) =>
        WriteRawAsync(context, Encoding.UTF8.GetBytes("data: " + payload.ToJsonString() + "\n\n"));

    private static async Task WriteRawAsync(RunContext context, byte[] bytes)
    {
        await context.Http.Response.Body.WriteAsync(bytes, context.Http.RequestAborted);
        await context.Http.Response.Body.FlushAsync(context.Http.RequestAborted);
    }

    private sealed record RunContext(HttpContext Http, TimeProvider Time, TimeSpan PingInterval, DifyRunEvents Events);
}
