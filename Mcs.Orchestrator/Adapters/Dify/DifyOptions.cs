using System.ComponentModel.DataAnnotations;

namespace Mcs.Orchestrator.Adapters.Dify;

/// <summary>Configuration section "Dify": where the two workflow apps live and how patiently to call them.</summary>
public sealed class DifyOptions
{
    public const string SectionName = "Dify";

    /// <summary>Service API base including <c>/v1</c>, e.g. <c>https://dify.example.com/v1</c>.</summary>
    [Required]
    public Uri? BaseUrl { get; set; }

    /// <summary>App key of the contract-extraction workflow.</summary>
    [Required(AllowEmptyStrings = false)]
    public string ContractKey { get; set; } = "";

    /// <summary>App key of the order-payload workflow.</summary>
    [Required(AllowEmptyStrings = false)]
    public string OrderKey { get; set; } = "";

    public DifyResponseMode ResponseMode { get; set; } = DifyResponseMode.Streaming;

    /// <summary>How node upload_pdf hands the PDF to Dify.</summary>
    public DifyFileTransfer FileTransfer { get; set; } = DifyFileTransfer.LocalFile;

    /// <summary>Stable end-user id: uploads are only usable by runs of the same user (dify-api.md §1).</summary>
    [Required(AllowEmptyStrings = false)]
    public string User { get; set; } = "mcs-orchestrator";

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A stream with no byte (not even a ping, sent every ~10 s) for this long is considered lost.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan StreamIdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>One blocking HTTP attempt may take this long (the server is silent until the run ends).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:30:00")]
    public TimeSpan BlockingAttemptTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>Whole call including every retry and the poll after a lost stream.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan OverallDeadline { get; set; } = TimeSpan.FromMinutes(5);

    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>First retry delay; doubled each attempt, with jitter. A Retry-After header wins when present.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Cap for any single retry delay (also caps a large Retry-After).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>After a lost stream: how long to poll <c>GET /workflows/run/{id}</c> for the final status.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:30:00")]
    public TimeSpan RunPollDeadline { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RunPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Treat <c>partial-succeeded</c> as success with a warning (true) or as a run failure (false).</summary>
    public bool AcceptPartialSucceeded { get; set; } = true;
}
