using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Mcs.LocalServers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Mcs.Benchmarks.Ingest;

/// <summary>
/// The orchestrator's run endpoint as the listener sees it: reads the whole <c>EmailEvent</c>, answers 202 with a run id.
/// Counts distinct deliveries and mails, so a mail handed over twice shows up, and notes when the expected count arrived.
/// </summary>
public sealed class StandInRunEndpoint : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, int> _dedupeKeys = new(StringComparer.Ordinal);
    private TaskCompletionSource<TimeSpan> _allArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Stopwatch _clock = new();
    private WebApplication? _app;
    private int _requests;

    public int Expected { get; private set; } = int.MaxValue;

    public int Requests => _requests;

    public int DistinctMails => _dedupeKeys.Count;

    public int Repeated => _dedupeKeys.Values.Count(v => v > 1);

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1");

    public async Task StartAsync()
    {
        var port = LocalServerProcess.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        _app = builder.Build();
        _app.MapPost("/v1/orchestrations/sales-email/run", AcceptAsync);
        await _app.StartAsync();
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
    }

    /// <summary>Waits for <paramref name="distinctMails"/> distinct mails in all, timed from now.</summary>
    public Task<TimeSpan> Expect(int distinctMails)
    {
        _allArrived = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        Expected = distinctMails;
        _clock.Restart();
        if (_dedupeKeys.Count >= distinctMails)
        {
            _allArrived.TrySetResult(TimeSpan.Zero);
        }
        return _allArrived.Task;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private async Task<IResult> AcceptAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.Headers.Authorization.Count == 0)
        {
            return TypedResults.Unauthorized();
        }
        using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
        var dedupeKey = document.RootElement.GetProperty("dedupe_key").GetString()!;
        Interlocked.Increment(ref _requests);
        var seen = _dedupeKeys.AddOrUpdate(dedupeKey, 1, (_, count) => count + 1);
        if (seen == 1 && _dedupeKeys.Count >= Expected)
        {
            _allArrived.TrySetResult(_clock.Elapsed);
        }
        var runId = Guid.NewGuid().ToString();
        return TypedResults.Accepted($"/v1/orchestrations/runs/{runId}", new Dictionary<string, string> { ["run_id"] = runId, ["status"] = "running" });
    }
}
