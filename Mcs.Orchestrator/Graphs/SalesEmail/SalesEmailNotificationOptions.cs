using System.ComponentModel.DataAnnotations;

namespace Mcs.Orchestrator.Graphs.SalesEmail;

/// <summary>Who is told about a run (section <c>SalesEmail</c>).</summary>
public sealed class SalesEmailNotificationOptions
{
    public const string SectionName = "SalesEmail";

    /// <summary>
    /// Receives the notifications of runs whose salesperson is not known (customer unresolved, no sales owner, or master
    /// data unreachable): a mail that needs review must reach someone, not end as a warning nobody reads.
    /// </summary>
    [Required]
    [EmailAddress]
    public string ReviewInbox { get; set; } = "sales-review@mcs.local";
}
