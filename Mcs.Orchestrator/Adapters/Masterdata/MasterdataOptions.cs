using System.ComponentModel.DataAnnotations;

namespace Mcs.Orchestrator.Adapters.Masterdata;

/// <summary>Configuration section "Masterdata": the masterdata service (service discovery name or URL).</summary>
public sealed class MasterdataOptions
{
    public const string SectionName = "Masterdata";

    [Required]
    public Uri? BaseUrl { get; set; }

    /// <summary>Within this time after a confirmation, the cached snapshot is served without asking again.</summary>
    /// <summary>Bearer key for the masterdata API; empty means the service's own <c>Mcs:ApiKey</c>.</summary>
    public string? ApiKey { get; set; }

    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RevalidateAfter { get; set; } = TimeSpan.FromSeconds(2);

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
