namespace Mcs.Contracts.Runs;

public sealed record ReviewInfo
{
    public IReadOnlyList<string> Reasons { get; init; } = [];
    public ReviewDecision? Decision { get; init; }
    public string? Reviewer { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
}
