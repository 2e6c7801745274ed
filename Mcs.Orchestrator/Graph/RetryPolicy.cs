namespace Mcs.Orchestrator.Graph;

/// <summary>
/// How a node is retried (LangGraph's defaults: 3 attempts, 0.5 s initial, ×2, cap 128 s, jitter). The attempt number
/// and the next attempt's time are persisted on the run, so a replica that takes the run over continues the backoff.
/// </summary>
/// <param name="MaxAttempts">Attempts in total, the first included (1 = never retry).</param>
/// <param name="Initial">Delay before the second attempt (default 0.5 s).</param>
/// <param name="Backoff">Factor applied per further attempt.</param>
/// <param name="Max">Cap of one delay (default 128 s).</param>
/// <param name="Jitter">Spread each delay randomly over [0.5, 1.0] × delay so replicas do not retry in step.</param>
/// <param name="RetryOn">Which exceptions are transient; default <see cref="TransientErrors.IsTransient"/>.</param>
/// <param name="AttemptTimeout">Cancel an attempt after this long (must stay below the lease); default from engine options.</param>
public sealed record RetryPolicy(
    int MaxAttempts = 3,
    TimeSpan? Initial = null,
    double Backoff = 2.0,
    TimeSpan? Max = null,
    bool Jitter = true,
    Func<Exception, bool>? RetryOn = null,
    TimeSpan? AttemptTimeout = null)
{
    public static RetryPolicy Default { get; } = new();

    /// <summary>One attempt only: for nodes whose failure a retry cannot fix.</summary>
    public static RetryPolicy None { get; } = new(MaxAttempts: 1);

    public bool IsRetryable(Exception exception) => exception switch
    {
        NodeFailedException failed => failed.Retryable,
        _ => (RetryOn ?? TransientErrors.IsTransient)(exception),
    };

    /// <summary>The delay after failed attempt <paramref name="attempt"/> (1-based); <paramref name="random"/> in [0, 1).</summary>
    public TimeSpan DelayAfter(int attempt, double random)
    {
        var initial = Initial ?? TimeSpan.FromMilliseconds(500);
        var max = Max ?? TimeSpan.FromSeconds(128);
        var raw = initial.TotalMilliseconds * Math.Pow(Backoff, Math.Max(0, attempt - 1));
        var capped = Math.Min(raw, max.TotalMilliseconds);
        var factor = Jitter ? 0.5 + (random / 2) : 1.0;
        return TimeSpan.FromMilliseconds(capped * factor);
    }
}
