namespace Mcs.Orchestrator.Adapters.Similarity;

/// <summary>
/// Ranked candidates (best first) and the decision: <see cref="IsMatch"/> only when the best score reaches the
/// minimum and beats the runner-up by the minimum margin. <see cref="Margin"/> is best − runner-up (best alone: its score).
/// </summary>
public sealed record NameMatchResult
{
    public required bool IsMatch { get; init; }
    public string? MatchedId { get; init; }
    public int? Score { get; init; }
    public int? Margin { get; init; }
    public required string NormalizedName { get; init; }
    public IReadOnlyList<RankedCandidate> Candidates { get; init; } = [];
    public IReadOnlyList<string> Reasons { get; init; } = [];
}
