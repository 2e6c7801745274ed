namespace Mcs.Tests.Integration;

/// <summary>
/// Bounded polling of a cross-service outcome: the system is asynchronous end to end (IMAP poll, outbox, graph
/// engine), so a test asks again until the answer is there or a generous deadline (the machine is shared) passes.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    /// <summary>Polls <paramref name="probe"/> until it returns a value that satisfies <paramref name="done"/>; returns that value.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(done);
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        var last = default(T);
        Exception? lastError = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                last = await probe();
                lastError = null;
                if (done(last))
                {
                    return last;
                }
            }
            catch (HttpRequestException ex) when (ex.StatusCode is null or >= System.Net.HttpStatusCode.InternalServerError)
            {
                // A service restarting (the crash and outage tests) refuses connections for a moment.
                lastError = ex;
            }
            catch (TaskCanceledException ex)
            {
                lastError = ex;
            }
            await Task.Delay(Interval);
        }
        throw new TimeoutException($"Timed out waiting for {what}; last answer: {Describe(last)}{(lastError is null ? "" : $"; last error: {lastError.Message}")}");
    }

    private static string Describe<T>(T? value) => value switch
    {
        null => "none",
        System.Collections.IEnumerable items and not string => $"[{string.Join(", ", items.Cast<object?>())}]",
        _ => value.ToString() ?? "",
    };
}
