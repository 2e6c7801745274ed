using System.Text.Json;
using System.Text.Json.Nodes;
using Mcs.Mocks.Dify.Scripting;
using Microsoft.Extensions.Options;

namespace Mcs.Mocks.Dify;

/// <summary>
/// <c>POST /v1/workflows/run</c> up to the point where the run starts, in Dify's order: content type, JSON, <c>user</c>,
/// <c>response_mode</c>, inputs and files, concurrency cap; then the script (or the app's own logic) decides the run.
/// </summary>
public sealed class DifyRunService(
    DifyInputValidator validator,
    DifyScriptStore scripts,
    DifyRunStore runs,
    DifyCallLog calls,
    DifyLatency latency,
    DifyActiveRuns activeRuns,
    IOptions<MocksOptions> options,
    TimeProvider time)
{
    public async Task<IResult> StartAsync(DifyApp app, HttpRequest request, CancellationToken cancellationToken)
    {
        if (!(request.ContentType ?? "").StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return Refused(app, null, "unsupported_media_type", DifyErrors.Json(415, "unsupported_media_type",
                "Did not attempt to load JSON data because the request Content-Type was not 'application/json'."));
        }
        JsonObject? body;
        try
        {
            body = await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken) as JsonObject;
        }
        catch (JsonException)
        {
            body = null;
        }
        if (body is null)
        {
            return Refused(app, null, "bad_request", DifyErrors.Json(400, "bad_request", "Invalid JSON payload received or JSON payload is empty."));
        }
        var user = body["user"] is JsonValue userValue && userValue.TryGetValue<string>(out var u) && !string.IsNullOrWhiteSpace(u) ? u : null;
        if (user is null)
        {
            return Refused(app, body, "invalid_param", DifyErrors.InvalidParam("Arg user must be provided."));
        }
        var mode = body["response_mode"] is JsonValue modeValue && modeValue.TryGetValue<string>(out var m) ? m : body["response_mode"] is null ? "blocking" : "";
        if (mode is not ("blocking" or "streaming"))
        {
            return Refused(app, body, "invalid_param", DifyErrors.InvalidParam("response_mode: Input should be 'blocking' or 'streaming'"));
        }
        if (body["inputs"] is not JsonObject rawInputs)
        {
            return Refused(app, body, "invalid_param", DifyErrors.InvalidParam("inputs: Input should be a valid dictionary"));
        }
        var validated = await validator.ValidateAsync(app, rawInputs, user, cancellationToken);
        if (validated.Error is not null)
        {
            return Refused(app, body, "invalid_param", DifyErrors.InvalidParam(validated.Error));
        }
        if (!activeRuns.TryEnter(app.Workflow, options.Value.DifyMaxActiveRequests, out var lease))
        {
            return Refused(app, body, "too_many_requests", DifyErrors.Json(429, "too_many_requests",
                $"Too many requests. Please try again later. The current maximum concurrent requests allowed for {app.Name} is {options.Value.DifyMaxActiveRequests}."));
        }
        var scripted = scripts.Next(app.Workflow, validated.File?.Sha256, validated.SearchText());
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var plan = DifyRunPlanner.Plan(app, validated, scripted, latency.DelayMs, today);
        if (plan.Answer == DifyFaults.LegacyShapes)
        {
            runs.UseLegacyShapes(app.Workflow);
        }
        if (plan.PreRunFailure is { } failure)
        {
            lease.Dispose();
            Log(app, body, plan.Answer, validated, null);
            await Task.Delay(TimeSpan.FromMilliseconds(plan.DelayMs), time, cancellationToken);
            return failure;
        }
        var run = new DifyRun
        {
            Id = Guid.NewGuid(),
            TaskId = Guid.NewGuid(),
            Workflow = app.Workflow,
            InputsJson = WithUser(validated.Inputs, user).ToJsonString(),
            CreatedAt = time.GetUtcNow().ToUnixTimeSeconds(),
            TotalTokens = plan.Status == "failed" ? 0 : 1200 + (plan.Outputs.ToJsonString().Length / 4),
            TotalSteps = 1,
        };
        runs.Add(run);
        Log(app, body, plan.Answer, validated, run.Id);
        return new DifyRunExecution(app, run, plan, validated.Inputs, user, mode == "streaming", lease);
    }

    private IResult Refused(DifyApp app, JsonObject? body, string code, IResult result)
    {
        Log(app, body, code, null, null);
        return result;
    }

    private void Log(DifyApp app, JsonObject? body, string answer, ValidatedInputs? validated, Guid? runId) => calls.Add(new DifyCall
    {
        Endpoint = "workflows/run",
        Workflow = app.Workflow,
        ReceivedAt = time.GetUtcNow(),
        User = body?["user"] is JsonValue user && user.TryGetValue<string>(out var text) ? text : null,
        ResponseMode = body?["response_mode"] is JsonValue mode && mode.TryGetValue<string>(out var modeText) ? modeText : null,
        Inputs = validated?.Inputs.DeepClone() as JsonObject ?? body?["inputs"]?.DeepClone() as JsonObject,
        FileSha256 = validated?.File?.Sha256,
        FileTransferMethod = validated?.File?.TransferMethod,
        Answer = answer,
        WorkflowRunId = runId?.ToString(),
    });

    private static JsonObject WithUser(JsonObject inputs, string user)
    {
        var copy = (JsonObject)inputs.DeepClone();
        copy["sys.user_id"] = user;
        return copy;
    }
}
