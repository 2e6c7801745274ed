using System.ComponentModel.DataAnnotations;

namespace Mcs.Orchestrator.Adapters.Similarity;

/// <summary>Configuration section "Similarity": when a fuzzy name match counts (architecture.md node 8).</summary>
public sealed class SimilarityOptions
{
    public const string SectionName = "Similarity";

    [Range(0, 100)]
    public int MinScore { get; set; } = 90;

    [Range(0, 100)]
    public int MinMargin { get; set; } = 10;

    /// <summary>How many ranked candidates a result keeps (for the review screen and customer_hint).</summary>
    [Range(1, 50)]
    public int MaxCandidates { get; set; } = 5;
}
