using System.ComponentModel.DataAnnotations;

namespace Mcs.Orchestrator.Adapters.Similarity;

/// <summary>
/// Configuration section "Similarity": how much of the ranking a result keeps. When a fuzzy match COUNTS is the
/// decision policy's business (<c>SalesEmail:Policy:FuzzyMinScore</c>/<c>FuzzyMinMargin</c>), kept in one place there.
/// </summary>
public sealed class SimilarityOptions
{
    public const string SectionName = "Similarity";

    /// <summary>How many ranked candidates a result keeps (for the review screen and customer_hint).</summary>
    [Range(1, 50)]
    public int MaxCandidates { get; set; } = 5;
}
