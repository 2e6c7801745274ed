using FuzzySharp;
using FuzzySharp.PreProcess;
using Microsoft.Extensions.Options;

namespace Mcs.Orchestrator.Adapters.Similarity;

/// <summary>
/// <see cref="ICustomerNameMatcher"/> on FuzzySharp: both sides normalised by <see cref="CompanyNameNormalizer"/>,
/// scored with the weighted ratio (token order and partial containment tolerated), best name per candidate. It ranks
/// only; the thresholds that make a score decisive live in the decision policy.
/// </summary>
public sealed class FuzzyCustomerNameMatcher(IOptions<SimilarityOptions> options) : ICustomerNameMatcher
{
    private readonly SimilarityOptions _options = options.Value;

    public NameMatchResult Match(string name, IEnumerable<NameCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var normalized = CompanyNameNormalizer.Normalize(name);
        if (normalized.Length == 0)
        {
            // "有限公司" or "GmbH" alone names nobody; matching it would pick a customer at random.
            return new NameMatchResult { NormalizedName = normalized, Reasons = ["name_empty_after_normalization"] };
        }

        var ranked = candidates
            .Select(candidate => BestOf(normalized, candidate))
            .Where(candidate => candidate is not null)
            .Select(candidate => candidate!)
            .OrderByDescending(candidate => candidate.Score)
            .ThenBy(candidate => candidate.Id, StringComparer.Ordinal)
            .Take(_options.MaxCandidates)
            .ToList();
        if (ranked.Count == 0)
        {
            return new NameMatchResult { NormalizedName = normalized, Reasons = ["no_candidates"] };
        }

        var margin = ranked.Count > 1 ? ranked[0].Score - ranked[1].Score : ranked[0].Score;
        return new NameMatchResult { Score = ranked[0].Score, Margin = margin, NormalizedName = normalized, Candidates = ranked };
    }

    private static RankedCandidate? BestOf(string normalizedQuery, NameCandidate candidate)
    {
        RankedCandidate? best = null;
        foreach (var candidateName in candidate.Names)
        {
            var normalizedName = CompanyNameNormalizer.Normalize(candidateName);
            if (normalizedName.Length == 0)
            {
                continue;
            }
            var score = Score(normalizedQuery, normalizedName);
            if (best is null || score > best.Score)
            {
                best = new RankedCandidate(candidate.Id, score, candidateName);
            }
        }
        return best;
    }

    /// <summary>Exact equality after normalisation is 100; otherwise FuzzySharp's weighted ratio on the normalised forms.</summary>
    public static int Score(string normalizedA, string normalizedB) =>
        string.Equals(normalizedA, normalizedB, StringComparison.Ordinal)
            ? 100
            : Fuzz.WeightedRatio(normalizedA, normalizedB, PreprocessMode.None);
}
