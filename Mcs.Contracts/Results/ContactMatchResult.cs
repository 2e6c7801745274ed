namespace Mcs.Contracts.Results;

public sealed record ContactMatchResult
{
    public required bool Matched { get; init; }
    public string? ContactId { get; init; }
    public string? CustomerId { get; init; }
    public required ContactMatchMethod Method { get; init; }
    public IReadOnlyList<string> Reasons { get; init; } = [];
}
