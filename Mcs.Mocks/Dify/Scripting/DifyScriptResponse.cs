using System.Text.Json.Nodes;

namespace Mcs.Mocks.Dify.Scripting;

/// <summary>
/// One scripted answer: exactly one of <see cref="Outputs"/> (returned as <c>data.outputs</c>), <see cref="OutputsText"/>
/// (the app's one output variable as a raw LLM string) or <see cref="Fault"/> (a dify-api.md §9 scenario);
/// <see cref="DelayMs"/> delays any of them.
/// </summary>
public sealed record DifyScriptResponse
{
    public JsonObject? Outputs { get; init; }
    public string? OutputsText { get; init; }
    public string? Fault { get; init; }
    public int? DelayMs { get; init; }
}
