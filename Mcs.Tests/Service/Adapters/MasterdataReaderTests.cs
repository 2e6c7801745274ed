using Mcs.Contracts;
using Mcs.Contracts.MasterData;
using Mcs.Orchestrator.Adapters.Masterdata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Mcs.Tests.Service.Adapters;

/// <summary>The reader against a tiny masterdata server with ETag/304 that the test can stop.</summary>
public sealed class MasterdataReaderTests : IAsyncLifetime
{
    private const string Key = "masterdata-test-key-0123";
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-27T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private long _version = 7;
    private int _fullBodies;
    private int _notModified;
    private StubServer _server = null!;

    public async Task InitializeAsync() => _server = await StubServer.StartAsync(app => app.MapGet("/v1/masterdata/all", (HttpContext context) =>
    {
        if (context.Request.Headers.Authorization.ToString() != "Bearer " + Key)
        {
            return Results.StatusCode(401);
        }
        var etag = $"\"{_version}\"";
        context.Response.Headers.ETag = etag;
        if (context.Request.Headers.IfNoneMatch.ToString() == etag)
        {
            Interlocked.Increment(ref _notModified);
            return Results.StatusCode(304);
        }
        Interlocked.Increment(ref _fullBodies);
        var snapshot = new MasterDataSnapshot
        {
            Version = _version,
            Customers = [new Customer { CustomerId = "c1", CustomerNum = "C-001", Name = "上海某某有限公司", SalesOwnerEmail = "s@example.com", Currency = "CNY" }],
        };
        return Results.Json(snapshot, McsJson.Options);
    }));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private MasterdataReader Reader()
    {
        var services = new ServiceCollection();
        services.AddHttpClient(MasterdataReader.HttpClientName);
        var factory = services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
        var options = new MasterdataOptions { BaseUrl = _server.BaseUrl, ApiKey = Key, RevalidateAfter = TimeSpan.FromSeconds(2), RequestTimeout = TimeSpan.FromSeconds(15) };
        return new MasterdataReader(factory, Options.Create(options), _time, NullLogger<MasterdataReader>.Instance);
    }

    [Fact]
    public async Task Loads_then_revalidates_with_304_and_picks_up_a_new_version()
    {
        using var reader = Reader();

        var first = await reader.GetSnapshotAsync(CancellationToken.None);
        var cached = await reader.GetSnapshotAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(3));
        var revalidated = await reader.GetSnapshotAsync(CancellationToken.None);
        _version = 8;
        _time.Advance(TimeSpan.FromSeconds(3));
        var updated = await reader.GetSnapshotAsync(CancellationToken.None);

        Assert.Equal(7, first.Snapshot.Version);
        Assert.Same(first.Snapshot, cached.Snapshot);
        Assert.Same(first.Snapshot, revalidated.Snapshot);
        Assert.Equal(8, updated.Snapshot.Version);
        Assert.False(updated.IsStale);
        Assert.Equal(2, _fullBodies);
        Assert.Equal(1, _notModified);
    }

    [Fact]
    public async Task Serves_the_last_good_snapshot_with_a_warning_when_the_service_is_stopped()
    {
        using var reader = Reader();
        await reader.GetSnapshotAsync(CancellationToken.None);
        await _server.StopAsync();
        _time.Advance(TimeSpan.FromSeconds(3));

        var read = await reader.GetSnapshotAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.True(read.IsStale);
        Assert.Equal(7, read.Snapshot.Version);
        Assert.StartsWith("masterdata_stale", read.Warning, StringComparison.Ordinal);
        Assert.Equal("上海某某有限公司", Assert.Single(read.Snapshot.Customers).Name);
    }

    [Fact]
    public async Task Fails_clearly_with_a_retryable_error_when_it_never_had_a_snapshot()
    {
        using var reader = Reader();
        await _server.StopAsync();

        var error = await Assert.ThrowsAsync<MasterdataUnavailableException>(() => reader.GetSnapshotAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20)));

        Assert.Equal(MasterdataErrorCodes.Unavailable, error.Code);
        Assert.True(error.Retryable);
        Assert.Equal(503, error.StatusCode);
    }
}
