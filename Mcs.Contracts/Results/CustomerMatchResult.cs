namespace Mcs.Contracts.Results;

public sealed record CustomerMatchResult
{
    public required bool Matched { get; init; }
    public string? CustomerId { get; init; }
    public required CustomerMatchMethod Method { get; init; }
    public int? Score { get; init; }
    public int? Margin { get; init; }
    public IReadOnlyList<CustomerCandidate> Candidates { get; init; } = [];
    public IReadOnlyList<string> Reasons { get; init; } = [];
}
