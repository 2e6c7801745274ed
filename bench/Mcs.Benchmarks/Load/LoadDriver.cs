using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Mcs.Benchmarks.Load;

/// <summary>
/// Open-loop load: request i is due at i / rate seconds whatever happened to the earlier ones; at most
/// <see cref="LoadOptions.InFlight"/> POSTs are outstanding (a full window delays the schedule, and that delay is part of
/// the measured latency). A run the endpoint answered 202 for is followed with GET runs/{id}?wait_seconds=10 (the
/// server answers when the run settles, or after 10 s) until it settles.
/// </summary>
public sealed class LoadDriver(HttpClient http, LoadOptions options)
{
    private const string RunPath = "v1/orchestrations/sales-email/run";
    // Each follow-up GET holds until the run settles, or this long (the server's long poll, ADR-067).
    private const int FollowWaitSeconds = 10;
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly SemaphoreSlim _window = new(options.InFlight);

    public int MaxObservedInFlight { get; private set; }

    public async Task<RunOutcome[]> DriveAsync(IReadOnlyList<byte[]> bodies, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var runs = new List<Task<RunOutcome>>(bodies.Count);
        for (var i = 0; i < bodies.Count; i++)
        {
            var due = TimeSpan.FromSeconds(i / options.Rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait, cancellationToken);
            }
            await _window.WaitAsync(cancellationToken);
            MaxObservedInFlight = Math.Max(MaxObservedInFlight, options.InFlight - _window.CurrentCount);
            runs.Add(RunOneAsync(i, bodies[i], due, clock, cancellationToken));
        }
        return await Task.WhenAll(runs);
    }

    private async Task<RunOutcome> RunOneAsync(int index, byte[] body, TimeSpan due, Stopwatch clock, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var outcome = new RunOutcome { Index = index, Scheduled = due, Sent = clock.Elapsed };
        string? runId;
        string? status;
        try
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = Json;
            using var response = await http.PostAsync(RunPath, content, cancellationToken);
            outcome = outcome with { Answered = clock.Elapsed };
            if (!response.IsSuccessStatusCode)
            {
                return outcome with { Settled = clock.Elapsed, Error = $"HTTP {(int)response.StatusCode}" };
            }
            (runId, status) = await ReadRunAsync(response, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return outcome with { Answered = clock.Elapsed, Settled = clock.Elapsed, Error = e.GetType().Name };
        }
        finally
        {
            _window.Release();
        }
        var deadline = clock.Elapsed + TimeSpan.FromSeconds(options.SettleTimeoutSeconds);
        while (status == "running")
        {
            if (clock.Elapsed > deadline)
            {
                return outcome with { RunId = runId, Settled = clock.Elapsed, Error = "lost" };
            }
            status = await FollowAsync(runId, cancellationToken) ?? status;
        }
        return outcome with { RunId = runId, Status = status, Settled = clock.Elapsed };
    }

    private async Task<string?> FollowAsync(string runId, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync($"v1/orchestrations/runs/{runId}?wait_seconds={FollowWaitSeconds}", cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return (await ReadRunAsync(response, cancellationToken)).Status;
            }
        }
        catch (HttpRequestException)
        {
            // followed again below
        }
        // An error answer comes back at once: pause rather than loop on it.
        await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        return null;
    }

    private static async Task<(string RunId, string Status)> ReadRunAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        var root = document.RootElement;
        return (root.GetProperty("run_id").GetString()!, root.GetProperty("status").GetString()!);
    }
}
