using System.ComponentModel.DataAnnotations;

namespace Mcs.Mocks;

/// <summary>What the AppHost (or a test) tells the stand-ins: the keys they accept, the SMTP port, where ERP orders live.</summary>
public sealed class MocksOptions
{
    public const string SectionName = "Mocks";

    [Range(1, 65535)]
    public int SmtpPort { get; set; }

    [Required]
    public string DataDirectory { get; set; } = "";

    [Required, MinLength(8)]
    public string DifyContractKey { get; set; } = "";

    [Required, MinLength(8)]
    public string DifyOrderKey { get; set; } = "";

    [Required, MinLength(8)]
    public string ErpApiKey { get; set; } = "";

    /// <summary>Dify sends <c>event: ping</c> about every 10 s; tests shorten it to see pings without waiting.</summary>
    [Range(10, 600_000)]
    public int DifyPingIntervalMs { get; set; } = 10_000;

    /// <summary>Dify's per-app <c>max_active_requests</c>; 0 = unlimited (Dify's default).</summary>
    [Range(0, 100_000)]
    public int DifyMaxActiveRequests { get; set; }

    /// <summary>Uploads kept (oldest evicted): enough for every run in flight to find its file (1,000 in the load test).</summary>
    [Range(1, 1_000_000)]
    public int DifyRetainedUploads { get; set; } = 2_000;

    /// <summary>Workflow runs kept for GET run detail and stop (oldest evicted).</summary>
    [Range(1, 1_000_000)]
    public int DifyRetainedRuns { get; set; } = 10_000;

    /// <summary>Calls kept for <c>GET /_mock/dify/calls</c> (oldest evicted).</summary>
    [Range(1, 1_000_000)]
    public int DifyRetainedCalls { get; set; } = 10_000;

    /// <summary>Messages the SMTP sink keeps for <c>GET /_mock/smtp/messages</c> (oldest evicted).</summary>
    [Range(1, 1_000_000)]
    public int SmtpRetainedMessages { get; set; } = 10_000;
}
