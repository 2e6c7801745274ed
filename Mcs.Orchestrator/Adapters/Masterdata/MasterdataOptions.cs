using System.ComponentModel.DataAnnotations;

namespace Mcs.Orchestrator.Adapters.Masterdata;

/// <summary>Configuration section "Masterdata": the masterdata service (service discovery name or URL).</summary>
public sealed class MasterdataOptions
{
    public const string SectionName = "Masterdata";

    [Required]
    public Uri? BaseUrl { get; set; }

    /// <summary>Within this time after a confirmation, the cached snapshot is served without asking again.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RevalidateAfter { get; set; } = TimeSpan.FromSeconds(2);

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
