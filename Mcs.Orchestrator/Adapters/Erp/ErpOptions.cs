using System.ComponentModel.DataAnnotations;

namespace Mcs.Orchestrator.Adapters.Erp;

/// <summary>Configuration section "Erp": the ERP gateway.</summary>
public sealed class ErpOptions
{
    public const string SectionName = "Erp";

    /// <summary>Gateway root (the client appends <c>/v1/sales-orders</c>).</summary>
    [Required]
    public Uri? BaseUrl { get; set; }

    [Required(AllowEmptyStrings = false)]
    public string ApiKey { get; set; } = "";

    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 3;

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);
}
