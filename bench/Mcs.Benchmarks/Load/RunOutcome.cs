namespace Mcs.Benchmarks.Load;

/// <summary>What happened to one driven run; times are offsets from the start of the schedule.</summary>
public sealed record RunOutcome
{
    public required int Index { get; init; }
    public required TimeSpan Scheduled { get; init; }
    public TimeSpan Sent { get; init; }
    public TimeSpan Answered { get; init; }
    public TimeSpan Settled { get; init; }
    public string? RunId { get; init; }

    /// <summary>The API run status when settled (succeeded, waiting_review, failed, …), or null when it never settled.</summary>
    public string? Status { get; init; }

    /// <summary>An HTTP status or exception that kept the run from being accepted or followed, or "lost" (never settled).</summary>
    public string? Error { get; init; }

    /// <summary>Accept → settled as the client sees it: from the scheduled send time, so a slipped schedule counts.</summary>
    public TimeSpan Latency => Settled - Scheduled;
}
