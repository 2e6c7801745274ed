using System.ComponentModel.DataAnnotations;

namespace Mcs.EmailListener.Outbox;

/// <summary>Section <c>EmailListener:Outbox</c>: how recorded mail is handed to the orchestrator and retried.</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "EmailListener:Outbox";

    /// <summary>The dispatcher also wakes at once when mail is recorded; this is the fallback tick for retries.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Retries never stop (nothing may be lost), they only slow down to this.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A claimed record whose POST did not finish within this time (the replica died) is claimed again.</summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(3);

    [Range(1, 1000)]
    public int BatchSize { get; set; } = 64;

    [Range(1, 64)]
    public int MaxParallelPosts { get; set; } = 8;
}
