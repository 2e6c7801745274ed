namespace Mcs.Mocks.Dify;

/// <summary>
/// One Dify app of the stand-in: its key, its published Start variables and its single End output. The two apps are
/// the workflows of architecture.md ("The nodes", item 9); docs/dify/*.yml is the same definition for a real Dify.
/// </summary>
public sealed record DifyApp(
    string Workflow,
    string ApiKey,
    string Name,
    string Description,
    string WorkflowId,
    string OutputVariable,
    IReadOnlyList<DifyVariable> Variables,
    IReadOnlyList<DifyNode> Nodes)
{
    /// <summary>The node whose work takes the time (the LLM); delays and pings happen while it runs.</summary>
    public DifyNode LlmNode => Nodes.First(node => node.NodeType == "llm");
}
