using System.Text.Json.Nodes;

namespace Mcs.Mocks.Dify;

/// <summary>The JSON of Dify's blocking response and stream events (dify-api.md §2.4, §2.5), built for one run.</summary>
public sealed class DifyRunEvents(DifyApp app, DifyRun run, string user)
{
    public JsonObject WorkflowStarted(JsonObject inputs)
    {
        var withSystem = (JsonObject)inputs.DeepClone();
        withSystem["sys.user_id"] = user;
        withSystem["sys.files"] = new JsonArray();
        withSystem["sys.app_id"] = app.WorkflowId;
        withSystem["sys.workflow_id"] = app.WorkflowId;
        withSystem["sys.workflow_run_id"] = run.Id.ToString();
        return Event("workflow_started", new JsonObject
        {
            ["id"] = run.Id.ToString(),
            ["workflow_id"] = app.WorkflowId,
            ["inputs"] = withSystem,
            ["created_at"] = run.CreatedAt,
        });
    }

    public JsonObject NodeStarted(DifyNode node, int index, Guid executionId, long now) =>
        Event("node_started", NodeData(node, index, executionId, now));

    public JsonObject NodeFinished(DifyNode node, int index, Guid executionId, long startedAt, long now, string status, JsonObject? outputs, string? error)
    {
        var data = NodeData(node, index, executionId, startedAt);
        data["inputs"] = new JsonObject();
        data["process_data"] = null;
        data["outputs"] = outputs;
        data["status"] = status;
        data["error"] = error;
        data["elapsed_time"] = Math.Max(0.01, now - startedAt);
        data["execution_metadata"] = node.NodeType == "llm"
            ? new JsonObject { ["total_tokens"] = run.TotalTokens, ["total_price"] = "0.0042", ["currency"] = "USD" }
            : null;
        data["finished_at"] = now;
        data["files"] = new JsonArray();
        return Event("node_finished", data);
    }

    public JsonObject TextChunk(DifyNode llm, string text) => Event("text_chunk", new JsonObject
    {
        ["text"] = text,
        ["from_variable_selector"] = new JsonArray(llm.NodeId, "text"),
    });

    public JsonObject WorkflowFinished()
    {
        var data = RunData();
        data["created_by"] = new JsonObject { ["id"] = EndUserId(), ["user"] = user };
        data["exceptions_count"] = run.ExceptionsCount;
        data["files"] = new JsonArray();
        return Event("workflow_finished", data);
    }

    /// <summary>The <c>error</c> event: no <c>task_id</c>, no <c>data</c>.</summary>
    public JsonObject Error(string code, string message, int status) => new()
    {
        ["event"] = "error",
        ["workflow_run_id"] = run.Id.ToString(),
        ["code"] = code,
        ["message"] = message,
        ["status"] = status,
    };

    public JsonObject Blocking() => new()
    {
        ["task_id"] = run.TaskId.ToString(),
        ["workflow_run_id"] = run.Id.ToString(),
        ["data"] = RunData(),
    };

    private JsonObject RunData() => new()
    {
        ["id"] = run.Id.ToString(),
        ["workflow_id"] = app.WorkflowId,
        ["status"] = run.Status,
        ["outputs"] = run.Outputs.DeepClone(),
        ["error"] = run.Error,
        ["elapsed_time"] = Math.Round(run.ElapsedTime, 3),
        ["total_tokens"] = run.TotalTokens,
        ["total_steps"] = run.TotalSteps,
        ["created_at"] = run.CreatedAt,
        ["finished_at"] = run.FinishedAt,
    };

    private JsonObject NodeData(DifyNode node, int index, Guid executionId, long createdAt) => new()
    {
        ["id"] = executionId.ToString(),
        ["node_id"] = node.NodeId,
        ["node_type"] = node.NodeType,
        ["title"] = node.Title,
        ["index"] = index + 1,
        ["predecessor_node_id"] = index == 0 ? null : app.Nodes[index - 1].NodeId,
        ["inputs"] = null,
        ["created_at"] = createdAt,
        ["extras"] = new JsonObject(),
        ["iteration_id"] = null,
        ["loop_id"] = null,
    };

    private JsonObject Event(string name, JsonObject data) => new()
    {
        ["event"] = name,
        ["task_id"] = run.TaskId.ToString(),
        ["workflow_run_id"] = run.Id.ToString(),
        ["data"] = data,
    };

    private string EndUserId() => new Guid(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(user)).AsSpan(0, 16)).ToString();
}
