using System.Globalization;
using System.Text.Json.Nodes;

namespace Mcs.Mocks.Dify;

/// <summary><c>GET /v1/workflows/run/{id}</c> bodies: the current shape, and the 2024 one (<c>legacy_shapes</c>).</summary>
public static class DifyRunDetail
{
    public static JsonObject Current(DifyApp app, DifyRun run)
    {
        lock (run)
        {
            return new JsonObject
            {
                ["id"] = run.Id.ToString(),
                ["workflow_id"] = app.WorkflowId,
                ["status"] = run.Status,
                ["inputs"] = run.InputsJson,
                ["outputs"] = run.Outputs.DeepClone(),
                ["error"] = run.Error,
                ["total_steps"] = run.TotalSteps,
                ["total_tokens"] = run.TotalTokens,
                ["created_at"] = run.CreatedAt,
                ["finished_at"] = run.FinishedAt,
                ["elapsed_time"] = Math.Round(run.ElapsedTime, 3),
            };
        }
    }

    /// <summary>Outputs as a JSON string and RFC-822 dates, as some 2024 builds answered.</summary>
    public static JsonObject Legacy(DifyApp app, DifyRun run)
    {
        var body = Current(app, run);
        lock (run)
        {
            body["outputs"] = run.Outputs.ToJsonString();
            body["created_at"] = Rfc822(run.CreatedAt);
            body["finished_at"] = run.FinishedAt is { } finished ? Rfc822(finished) : null;
        }
        return body;
    }

    /// <summary>Old builds answered an unknown id with 200 and every field null.</summary>
    public static JsonObject LegacyUnknown() => new()
    {
        ["id"] = null,
        ["workflow_id"] = null,
        ["status"] = null,
        ["inputs"] = null,
        ["outputs"] = null,
        ["error"] = null,
        ["total_steps"] = null,
        ["total_tokens"] = null,
        ["created_at"] = null,
        ["finished_at"] = null,
        ["elapsed_time"] = null,
    };

    private static string Rfc822(long unixSeconds) =>
        DateTimeOffset.FromUnixTimeSeconds(unixSeconds).ToString("ddd, dd MMM yyyy HH:mm:ss '-0000'", CultureInfo.InvariantCulture);
}
