namespace Mcs.Orchestrator.Adapters.Similarity;

/// <summary>
/// Ranked candidates (best first) with the best <see cref="Score"/> and its <see cref="Margin"/> over the runner-up
/// (best alone: its score). A ranking, not a decision: the caller's policy decides whether the best one counts.
/// </summary>
public sealed record NameMatchResult
{
    public int? Score { get; init; }
    public int? Margin { get; init; }
    public required string NormalizedName { get; init; }
    public IReadOnlyList<RankedCandidate> Candidates { get; init; } = [];

    /// <summary>Why nothing was ranked: <c>name_empty_after_normalization</c> or <c>no_candidates</c>.</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];
}
