namespace Mcs.Mocks.Dify.Scripting;

/// <summary>The body of <c>PUT /_mock/dify/scripts</c>.</summary>
public sealed record DifyScript
{
    public required string Workflow { get; init; }
    public DifyScriptMatch Match { get; init; } = new();
    public IReadOnlyList<DifyScriptResponse> Responses { get; init; } = [];
    public bool RepeatLast { get; init; }
}
