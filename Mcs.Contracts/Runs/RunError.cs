namespace Mcs.Contracts.Runs;

/// <summary>An error of a run: a stable code, a message, and whether retrying can help.</summary>
public sealed record RunError
{
    public required string Code { get; init; }
    public required string Message { get; init; }
    public string? Node { get; init; }
    public bool Retryable { get; init; }
}
