using System.Text.Json.Nodes;

namespace Mcs.Mocks.Dify;

/// <summary>One call the Dify stand-in received, as <c>GET /_mock/dify/calls</c> lists it.</summary>
public sealed record DifyCall
{
    public required string Endpoint { get; init; }
    public required string Workflow { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    public string? User { get; init; }
    public string? ResponseMode { get; init; }
    public JsonObject? Inputs { get; init; }
    public string? FileSha256 { get; init; }
    public string? FileTransferMethod { get; init; }
    /// <summary><c>outputs</c>, <c>outputs_text</c>, a fault name, <c>unscripted</c>, or the error code of a refused call.</summary>
    public required string Answer { get; init; }
    public string? WorkflowRunId { get; init; }
}
