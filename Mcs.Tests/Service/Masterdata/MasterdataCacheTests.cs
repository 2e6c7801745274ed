using System.Net.Http.Json;
using System.Text.Json;
using Mcs.Contracts;
using Mcs.Contracts.MasterData;
using Mcs.Tests.Support;

namespace Mcs.Tests.Service.Masterdata;

/// <summary>Two replicas on one PostgreSQL database and one Redis: freshness, cache levels, Redis outages.</summary>
public sealed class MasterdataCacheTests : IAsyncLifetime
{
    private TestRedis _redis = null!;
    private string _database = null!;

    public async Task InitializeAsync()
    {
        _redis = await TestRedis.StartAsync();
        _database = await TestPostgres.CreateDatabaseAsync("md_cache");
    }

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    [Fact]
    public async Task A_write_on_one_replica_is_seen_by_the_next_read_on_the_other()
    {
        await using var a = new MasterdataApp(_database, _redis.ConnectionString);
        await using var b = new MasterdataApp(_database, _redis.ConnectionString);
        using var writer = a.Client();
        using var reader = b.Client();
        await b.AllAsync(); // warm B's memory cache, so a stale answer would be possible
        for (var i = 0; i < 10; i++)
        {
            var response = await writer.PostAsJsonAsync("/v1/masterdata/customers", Bodies.Customer($"RYW{i}"), McsJson.Options);
            response.EnsureSuccessStatusCode();
            var written = long.Parse(response.Headers.ETag!.Tag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture);

            var seen = (await reader.GetFromJsonAsync<MasterDataSnapshot>("/v1/masterdata/all", McsJson.Options))!;
            Assert.True(seen.Version >= written, $"replica B served version {seen.Version} after A wrote {written}");
            Assert.Contains(seen.Customers, c => c.CustomerNum == $"RYW{i}");
            Assert.Contains(Customers(await reader.GetFromJsonAsync<PagedList<Customer>>("/v1/masterdata/customers?limit=1000", McsJson.Options)), n => n == $"RYW{i}");
        }
    }

    [Fact]
    public async Task Cache_levels_are_counted_on_a_known_sequence_of_reads_and_writes()
    {
        await using var a = new MasterdataApp(_database, _redis.ConnectionString);
        await using var b = new MasterdataApp(_database, _redis.ConnectionString);
        using var clientA = a.Client();
        using var clientB = b.Client();
        using var countA = a.CountLookups();
        using var countB = b.CountLookups();

        await clientA.GetByteArrayAsync("/v1/masterdata/all"); // A: miss (built from PostgreSQL, stored in Redis)
        await clientA.GetByteArrayAsync("/v1/masterdata/all"); // A: l1
        await clientB.GetByteArrayAsync("/v1/masterdata/all"); // B: l2 (A's entry in Redis)
        (await clientA.PostAsJsonAsync("/v1/masterdata/customers", Bodies.Customer("SEQ1"), McsJson.Options)).EnsureSuccessStatusCode();
        await clientA.GetByteArrayAsync("/v1/masterdata/all"); // A: miss (new version)
        await clientB.GetByteArrayAsync("/v1/masterdata/all"); // B: l2
        await clientB.GetByteArrayAsync("/v1/masterdata/all"); // B: l1

        Assert.Equal((2, 1, 0), (countA["miss"], countA["l1"], countA["l2"]));
        Assert.Equal((0, 1, 2), (countB["miss"], countB["l1"], countB["l2"]));
    }

    [Fact]
    public async Task With_redis_stopped_reads_stay_correct_health_is_degraded_and_it_recovers_when_redis_returns()
    {
        await using var a = new MasterdataApp(_database, _redis.ConnectionString);
        using var client = a.Client();
        await a.AllAsync();
        Assert.Equal("healthy", await HealthAsync(a));

        _redis.Stop();
        var response = await client.PostAsJsonAsync("/v1/masterdata/customers", Bodies.Customer("DOWN1"), McsJson.Options);
        response.EnsureSuccessStatusCode();
        var during = await a.AllAsync();
        Assert.Contains(during.Customers, c => c.CustomerNum == "DOWN1");
        Assert.Equal(await a.VersionAsync(), during.Version);
        Assert.Equal("degraded", await WaitForHealthAsync(a, "degraded"));

        await _redis.StartAgainAsync();
        Assert.Equal("healthy", await WaitForHealthAsync(a, "healthy"));
        (await client.PostAsJsonAsync("/v1/masterdata/customers", Bodies.Customer("UP1"), McsJson.Options)).EnsureSuccessStatusCode();
        using var countA = a.CountLookups();
        await a.AllAsync(); // miss: rebuilt and written to the restarted Redis

        await using var b = new MasterdataApp(_database, _redis.ConnectionString);
        using var countB = b.CountLookups();
        var fromB = await b.AllAsync();
        Assert.Contains(fromB.Customers, c => c.CustomerNum == "UP1");
        Assert.Equal(1, countA["miss"]);
        Assert.Equal(1, countB["l2"]);
    }

    [Fact]
    public async Task Concurrent_bulk_writers_get_distinct_consecutive_versions_and_no_change_is_lost()
    {
        await using var a = new MasterdataApp(_database, _redis.ConnectionString);
        await using var b = new MasterdataApp(_database, _redis.ConnectionString);
        var start = await a.VersionAsync();
        const int writers = 12;
        var tasks = Enumerable.Range(0, writers).Select(async w =>
        {
            using var client = (w % 2 == 0 ? a : b).Client();
            var change = new BulkChange
            {
                Products = [.. Enumerable.Range(0, 20).Select(i => Bodies.Product($"W{w}-{i}"))],
                Customers = [Bodies.Customer($"WC{w}")],
            };
            var response = await client.PutAsJsonAsync("/v1/masterdata/bulk", change, McsJson.Options);
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<MasterDataVersion>(McsJson.Options))!.Version;
        });
        var versions = await Task.WhenAll(tasks);

        Assert.Equal(Enumerable.Range(1, writers).Select(i => start + i), versions.Order());
        var all = await b.AllAsync();
        Assert.Equal(start + writers, all.Version);
        Assert.Equal(writers * 20, all.Products.Count(p => p.Sku.StartsWith('W')));
        Assert.Equal(writers, all.Customers.Count(c => c.CustomerNum.StartsWith("WC", StringComparison.Ordinal)));
    }

    private static IEnumerable<string> Customers(PagedList<Customer>? page) => page!.Items.Select(c => c.CustomerNum);

    private static async Task<string> HealthAsync(MasterdataApp app)
    {
        using var client = app.CreateClient();
        var json = await client.GetFromJsonAsync<JsonElement>("/v1/healthz");
        return json.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString()!;
    }

    /// <summary>Redis reconnects on its own schedule (about a second here); bounded wait, never an open-ended sleep.</summary>
    private static async Task<string> WaitForHealthAsync(MasterdataApp app, string wanted)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string status;
        while ((status = await HealthAsync(app)) != wanted && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }
        return status;
    }
}
