namespace Mcs.Orchestrator.Adapters.Dify;

/// <summary>
/// A classified Dify failure (dify-api.md §7). <see cref="Code"/> is one of <see cref="DifyErrorCodes"/> (stable,
/// listed in docs/errors.md); <see cref="DifyCode"/> is what Dify itself said, when it said anything.
/// <see cref="Retryable"/> tells the graph whether a later attempt of the node may succeed.
/// </summary>
public sealed record DifyFailure
{
    public required DifyFailureKind Kind { get; init; }
    public required string Code { get; init; }
    public required string Message { get; init; }
    public required bool Retryable { get; init; }
    public int? HttpStatus { get; init; }
    public string? DifyCode { get; init; }
    public string? WorkflowRunId { get; init; }
}
