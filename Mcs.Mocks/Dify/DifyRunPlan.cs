using System.Text.Json.Nodes;

namespace Mcs.Mocks.Dify;

/// <summary>
/// What a call to <c>/workflows/run</c> will do: either refuse before a run exists (<see cref="PreRunFailure"/>), or
/// run to <see cref="Status"/> with <see cref="Outputs"/>, ending the HTTP exchange as <see cref="Ending"/> says.
/// </summary>
public sealed record DifyRunPlan
{
    public IResult? PreRunFailure { get; init; }
    public string Answer { get; init; } = "unscripted";
    public int DelayMs { get; init; }
    public string Status { get; init; } = "succeeded";
    public JsonObject Outputs { get; init; } = [];
    public string? Error { get; init; }
    public int ExceptionsCount { get; init; }
    public DifyRunEnding Ending { get; init; } = DifyRunEnding.Finish;
    /// <summary>Node type that fails (document-extractor for a file download error); the LLM node otherwise.</summary>
    public string FailingNodeType { get; init; } = "llm";
    /// <summary>The raw LLM text streamed as <c>text_chunk</c> events, when the output is a string.</summary>
    public string? StreamedText { get; init; }
    /// <summary>Document text the document-extractor node shows in its outputs.</summary>
    public string? DocumentText { get; init; }
}
