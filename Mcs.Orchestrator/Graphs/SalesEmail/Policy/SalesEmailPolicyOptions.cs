using System.ComponentModel.DataAnnotations;

namespace Mcs.Orchestrator.Graphs.SalesEmail.Policy;

/// <summary>The decision policy's thresholds and word lists (section <c>SalesEmail:Policy</c>); never constants in code.</summary>
public sealed class SalesEmailPolicyOptions
{
    public const string SectionName = "SalesEmail:Policy";

    /// <summary>Minimum fuzzy score (0–100) of the contract's buyer name after normalisation.</summary>
    [Range(0, 100)]
    public int FuzzyMinScore { get; set; } = 90;

    /// <summary>Minimum lead of the best buyer-name score over the runner-up.</summary>
    [Range(0, 100)]
    public int FuzzyMinMargin { get; set; } = 10;

    /// <summary>Allowed deviation of a unit price from the catalogue price, as a fraction (0.2 = ±20%).</summary>
    [Range(0.0, 10.0)]
    public decimal PriceDeviation { get; set; } = 0.20m;

    /// <summary>Allowed difference of quantity × price vs amount, and of the lines' sum vs the total.</summary>
    [Range(0.0, 1000.0)]
    public decimal AmountTolerance { get; set; } = 0.01m;

    /// <summary>Mail domains shared by many people (never identify a customer).</summary>
    [Required]
    [MinLength(1)]
    public List<string> WebmailDomains { get; set; } = [];

    /// <summary>Unit synonyms: each key (e.g. PCS) lists the spellings that mean it (个, 件, pc, ...).</summary>
    public Dictionary<string, List<string>> UnitSynonyms { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that make a mail a contract/order mail (Chinese and English), matched case-insensitively.</summary>
    [Required]
    [MinLength(1)]
    public List<string> ContractKeywords { get; set; } = [];

    /// <summary>Short words (e.g. PO) matched only as whole words, so "PO" does not fire inside "report".</summary>
    public List<string> ContractWholeWords { get; set; } = [];

    /// <summary>How long <c>POST .../run</c> waits for the result before answering 202.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan RunWaitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Link to the run shown in notifications (e.g. the review UI); the run id is appended.</summary>
    public Uri? RunLinkBase { get; set; }
}
