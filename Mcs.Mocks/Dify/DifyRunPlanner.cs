using System.Text.Json;
using System.Text.Json.Nodes;
using Mcs.Mocks.Dify.Scripting;

namespace Mcs.Mocks.Dify;

/// <summary>Turns a validated call plus its scripted response (or none) into a <see cref="DifyRunPlan"/>.</summary>
public static class DifyRunPlanner
{
    private const string TransientRunError =
        "[openai] Rate limit reached for gpt-4o in organization org-mcs-mock on tokens per min (TPM): Limit 30000, Used 29750, Requested 1890. Please try again in 3.28s.";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static DifyRunPlan Plan(DifyApp app, ValidatedInputs inputs, DifyScriptResponse? scripted, int defaultLatencyMs, DateOnly today)
    {
        if (scripted is null)
        {
            return Natural(app, inputs, today) with { DelayMs = defaultLatencyMs };
        }
        var delay = scripted.DelayMs ?? DifyFaults.DefaultDelayMs(scripted.Fault);
        if (scripted.Outputs is not null)
        {
            return new DifyRunPlan { Answer = "outputs", DelayMs = delay, Outputs = (JsonObject)scripted.Outputs.DeepClone() };
        }
        if (scripted.OutputsText is not null)
        {
            return new DifyRunPlan
            {
                Answer = "outputs_text",
                DelayMs = delay,
                Outputs = new JsonObject { [app.OutputVariable] = scripted.OutputsText },
                StreamedText = scripted.OutputsText,
            };
        }
        return Fault(app, inputs, scripted.Fault ?? "", today) with { Answer = scripted.Fault ?? "", DelayMs = delay };
    }

    private static DifyRunPlan Natural(DifyApp app, ValidatedInputs inputs, DateOnly today)
    {
        var result = DifyNaturalRun.Compute(app, inputs, today);
        return result.Outputs is null
            ? new DifyRunPlan { Status = "failed", Error = result.Error, FailingNodeType = result.FailingNodeType }
            : new DifyRunPlan { Outputs = result.Outputs, DocumentText = result.DocumentText };
    }

    private static DifyRunPlan Fault(DifyApp app, ValidatedInputs inputs, string fault, DateOnly today)
    {
        var url = inputs.File?.Url ?? "https://files.example.com/contracts/contract.pdf";
        return fault switch
        {
            DifyFaults.RunFailed => new DifyRunPlan { Status = "failed", Error = TransientRunError },
            DifyFaults.Partial => Partial(Natural(app, inputs, today), app),
            DifyFaults.FencedJson => Fenced(Natural(app, inputs, today), app),
            DifyFaults.EmptyOutput => new DifyRunPlan { Outputs = new JsonObject { ["text"] = "" } },
            DifyFaults.Slow or DifyFaults.LegacyShapes => Natural(app, inputs, today),
            DifyFaults.GatewayTimeout => Natural(app, inputs, today) with { Ending = DifyRunEnding.GatewayTimeout },
            DifyFaults.DropStream => Natural(app, inputs, today) with { Ending = DifyRunEnding.Drop },
            DifyFaults.StreamError => new DifyRunPlan
            {
                Status = "failed",
                Ending = DifyRunEnding.StreamError,
                Error = "[openai] Error code: 500 - {'error': {'message': 'The server had an error while processing your request. Sorry about that!', 'type': 'server_error'}}",
            },
            DifyFaults.RateLimited => Refuse(429, "too_many_requests",
                $"Too many requests. Please try again later. The current maximum concurrent requests allowed for {app.Name} is 10."),
            DifyFaults.ProviderRateLimit => Refuse(429, "rate_limit_error",
                "[openai] Rate Limit Error, Error code: 429 - {'error': {'message': 'Rate limit reached for gpt-4o', 'type': 'requests', 'code': 'rate_limit_exceeded'}}"),
            DifyFaults.Edge429Html => new DifyRunPlan { PreRunFailure = DifyErrors.Html(429, DifyErrors.HtmlCloudflare1015) },
            DifyFaults.ProviderNotInit => Refuse(400, "provider_not_initialize",
                "No valid model provider credentials found. Please go to Settings -> Model Provider to complete your provider credentials."),
            DifyFaults.Quota => Refuse(400, "provider_quota_exceeded",
                "Your quota for Dify Hosted Model Provider has been exhausted. Please go to Settings -> Model Provider to complete your own provider credentials."),
            DifyFaults.RemoteUrlUnreachable => Refuse(400, "invalid_param", $"Reached maximum retries (3) for URL {url}"),
            DifyFaults.RemoteUrl404AtNode => new DifyRunPlan { Status = "failed", Error = DifyNaturalRun.DownloadError(url, 404), FailingNodeType = "document-extractor" },
            DifyFaults.TypeMismatch => Refuse(400, "invalid_param", "Detected file type does not match the specified type. Please verify the file."),
            _ => Refuse(500, "internal_server_error",
                "The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application."),
        };
    }

    private static DifyRunPlan Refuse(int status, string code, string message) =>
        new() { PreRunFailure = DifyErrors.Json(status, code, message) };

    /// <summary>An error branch took over in one node: the output object lost all but its first two fields.</summary>
    private static DifyRunPlan Partial(DifyRunPlan natural, DifyApp app)
    {
        if (natural.Status != "succeeded" || natural.Outputs[app.OutputVariable] is not JsonObject full)
        {
            return natural;
        }
        var kept = new JsonObject();
        foreach (var (key, value) in full.Take(2))
        {
            kept[key] = value?.DeepClone();
        }
        return natural with { Status = "partial-succeeded", ExceptionsCount = 1, Outputs = new JsonObject { [app.OutputVariable] = kept } };
    }

    private static DifyRunPlan Fenced(DifyRunPlan natural, DifyApp app)
    {
        if (natural.Status != "succeeded")
        {
            return natural;
        }
        var json = natural.Outputs[app.OutputVariable]?.ToJsonString(Indented) ?? "{}";
        var text = $"Sure! Here is the extracted data:\n\n```json\n{json}\n```\n\nLet me know if anything needs to be adjusted.";
        return natural with { Outputs = new JsonObject { [app.OutputVariable] = text }, StreamedText = text };
    }
}
