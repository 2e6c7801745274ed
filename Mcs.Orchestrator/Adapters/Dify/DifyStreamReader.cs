using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mcs.Orchestrator.Adapters.Dify;

/// <summary>
/// Reads a workflow SSE stream (dify-api.md §2.5): blank-line separated events, <c>event: ping</c> without data,
/// one JSON per <c>data:</c>; the result is the <c>workflow_finished</c> event. Remembers run and task ids from the
/// first event so a lost stream can be resolved by polling. Unknown events are ignored.
/// </summary>
internal sealed class DifyStreamReader(TimeSpan idleTimeout)
{
    public string? RunId { get; private set; }
    public string? TaskId { get; private set; }

    /// <summary>The finished run, an SSE error event as a failure, or (null, null) when the stream ended or went idle first.</summary>
    public async Task<(DifyRunData? Finished, DifyFailure? Error)> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var data = new StringBuilder();
        while (true)
        {
            string? line;
            using (var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                idle.CancelAfter(idleTimeout);
                try
                {
                    line = await reader.ReadLineAsync(idle.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    return (null, null);
                }
                catch (IOException)
                {
                    return (null, null);
                }
                catch (HttpRequestException)
                {
                    return (null, null);
                }
            }
            if (line is null || line.Length == 0)
            {
                if (data.Length > 0)
                {
                    var outcome = Dispatch(data.ToString());
                    data.Clear();
                    if (outcome.Finished is not null || outcome.Error is not null)
                    {
                        return outcome;
                    }
                }
                if (line is null)
                {
                    return (null, null);
                }
                continue;
            }
            if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                data.Append(line.AsSpan(5).TrimStart());
            }
        }
    }

    private (DifyRunData? Finished, DifyFailure? Error) Dispatch(string json)
    {
        JsonObject? payload;
        try
        {
            payload = JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException)
        {
            return (null, null);
        }
        if (payload is null)
        {
            return (null, null);
        }
        RunId ??= LenientFields.Text(payload["workflow_run_id"]);
        TaskId ??= LenientFields.Text(payload["task_id"]);
        switch (LenientFields.Text(payload["event"]))
        {
            case "workflow_finished" when payload["data"] is JsonObject finished:
                return (ToRunData(finished, RunId, TaskId), null);
            case "error":
                var status = payload["status"] is JsonValue s && s.TryGetValue<int>(out var code) ? code : 500;
                var failure = DifyErrorClassifier.FromCode(LenientFields.Text(payload["code"]), LenientFields.Text(payload["message"]) ?? "stream error event", status);
                return (null, failure with { WorkflowRunId = RunId });
            default:
                return (null, null);
        }
    }

    /// <summary>A run object from <c>data</c> or <c>GET /workflows/run/{id}</c>; old builds sent <c>outputs</c> as a JSON string.</summary>
    public static DifyRunData ToRunData(JsonObject data, string? runId, string? taskId)
    {
        var outputs = data["outputs"] switch
        {
            JsonObject obj => obj,
            JsonValue value when value.GetValueKind() == JsonValueKind.String => JsonRepair.ParseObject(value.GetValue<string>()),
            _ => null,
        };
        return new DifyRunData(
            LenientFields.Text(data["id"]) ?? runId,
            taskId,
            LenientFields.Text(data["status"]) ?? "unknown",
            outputs,
            LenientFields.Text(data["error"]));
    }
}
