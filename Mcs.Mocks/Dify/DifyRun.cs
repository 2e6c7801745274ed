using System.Text.Json.Nodes;

namespace Mcs.Mocks.Dify;

/// <summary>A workflow run as <c>GET /v1/workflows/run/{id}</c> shows it; mutable only through <see cref="DifyRunStore"/>.</summary>
public sealed class DifyRun
{
    public required Guid Id { get; init; }
    public required Guid TaskId { get; init; }
    public required string Workflow { get; init; }
    public required string InputsJson { get; init; }
    public required long CreatedAt { get; init; }
    public string Status { get; set; } = "running";
    public JsonObject Outputs { get; set; } = [];
    public string? Error { get; set; }
    public int TotalSteps { get; set; }
    public int TotalTokens { get; set; }
    public long? FinishedAt { get; set; }
    public double ElapsedTime { get; set; }
    public int ExceptionsCount { get; set; }
    public bool StopRequested { get; set; }
}
