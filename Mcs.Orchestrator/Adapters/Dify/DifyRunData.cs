using System.Text.Json.Nodes;

namespace Mcs.Orchestrator.Adapters.Dify;

/// <summary>What a run ended with: from the blocking body's <c>data</c>, a <c>workflow_finished</c> event, or a polled run.</summary>
internal sealed record DifyRunData(string? RunId, string? TaskId, string Status, JsonObject? Outputs, string? Error);
