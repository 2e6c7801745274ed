using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Mcs.Contracts;
using Mcs.Contracts.MasterData;
using Microsoft.Extensions.Options;

namespace Mcs.Orchestrator.Adapters.Masterdata;

/// <summary>
/// Holds the last good snapshot and revalidates it with <c>If-None-Match</c> (a 304 costs no body). One refresh at a
/// time: concurrent runs wait for it instead of each asking the service.
/// </summary>
public sealed class MasterdataReader(IHttpClientFactory httpClientFactory, IOptions<MasterdataOptions> options, TimeProvider timeProvider, ILogger<MasterdataReader> logger)
    : IMasterdataReader, IDisposable
{
    /// <summary>Name of the HttpClient this reader asks the factory for (the reader is a singleton; clients are not kept).</summary>
    public const string HttpClientName = "masterdata-reader";

    private readonly MasterdataOptions _options = options.Value;
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private volatile CachedSnapshot? _cached;

    public async Task<MasterdataRead> GetSnapshotAsync(CancellationToken cancellationToken)
    {
        if (_cached is { } fresh && timeProvider.GetUtcNow() - fresh.ConfirmedAt < _options.RevalidateAfter)
        {
            return Fresh(fresh);
        }
        await _refreshLock.WaitAsync(cancellationToken);
        try
        {
            // Another caller may have refreshed while we waited.
            if (_cached is { } justRefreshed && timeProvider.GetUtcNow() - justRefreshed.ConfirmedAt < _options.RevalidateAfter)
            {
                return Fresh(justRefreshed);
            }
            return await RefreshAsync(cancellationToken);
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    private async Task<MasterdataRead> RefreshAsync(CancellationToken cancellationToken)
    {
        var cached = _cached;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(BaseUri(), "v1/masterdata/all"));
            if (!string.IsNullOrEmpty(_options.ApiKey))
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.ApiKey);
            }
            if (cached is not null)
            {
                request.Headers.IfNoneMatch.Add(cached.ETag);
            }
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.RequestTimeout);
            var httpClient = httpClientFactory.CreateClient(HttpClientName);
            using var response = await httpClient.SendAsync(request, timeout.Token);
            if (response.StatusCode == HttpStatusCode.NotModified && cached is not null)
            {
                _cached = cached with { ConfirmedAt = timeProvider.GetUtcNow() };
                return Fresh(_cached);
            }
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            var snapshot = await JsonSerializer.DeserializeAsync<MasterDataSnapshot>(body, McsJson.Options, timeout.Token)
                ?? throw new JsonException("empty masterdata body");
            var etag = response.Headers.ETag ?? new EntityTagHeaderValue($"\"{snapshot.Version}\"");
            _cached = new CachedSnapshot(snapshot, etag, timeProvider.GetUtcNow());
            MasterdataLog.Loaded(logger, snapshot.Version);
            return Fresh(_cached);
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException or IOException
            || exception is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            if (cached is null)
            {
                MasterdataLog.NoSnapshot(logger, exception.Message);
                throw new MasterdataUnavailableException($"Masterdata service unreachable and no snapshot loaded yet: {exception.Message}", exception);
            }
            MasterdataLog.ServingStale(logger, cached.Snapshot.Version, cached.ConfirmedAt, exception.Message);
            return new MasterdataRead
            {
                Snapshot = cached.Snapshot,
                IsStale = true,
                ConfirmedAt = cached.ConfirmedAt,
                Warning = $"masterdata_stale: service unreachable ({exception.Message}); using version {cached.Snapshot.Version} confirmed at {cached.ConfirmedAt:O}",
            };
        }
    }

    private static MasterdataRead Fresh(CachedSnapshot cached) =>
        new() { Snapshot = cached.Snapshot, IsStale = false, ConfirmedAt = cached.ConfirmedAt };

    private Uri BaseUri()
    {
        var text = _options.BaseUrl!.AbsoluteUri;
        return new Uri(text.EndsWith('/') ? text : text + "/");
    }

    public void Dispose() => _refreshLock.Dispose();

    private sealed record CachedSnapshot(MasterDataSnapshot Snapshot, EntityTagHeaderValue ETag, DateTimeOffset ConfirmedAt);
}
