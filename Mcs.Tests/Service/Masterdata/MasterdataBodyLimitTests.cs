using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mcs.Contracts;
using Mcs.Contracts.MasterData;
using Mcs.Tests.Support;

namespace Mcs.Tests.Service.Masterdata;

/// <summary>Over real Kestrel (the in-memory test server has no body limit): an oversized body is 413 and writes nothing.</summary>
public sealed class MasterdataBodyLimitTests
{
    [Fact]
    public async Task A_body_over_the_configured_limit_is_413_payload_too_large_and_nothing_is_written()
    {
        await using var app = new MasterdataApp(await TestPostgres.CreateDatabaseAsync("md_limit"), redis: null,
            new Dictionary<string, string> { ["Masterdata:MaxBodyBytes"] = "20000" });
        app.UseKestrel(LocalServerProcess.FreePort());
        app.StartServer();
        using var client = app.Client();
        var small = new BulkChange { Products = [Bodies.Product("SMALL-1")] };
        (await client.PutAsJsonAsync("/v1/masterdata/bulk", small, McsJson.Options)).EnsureSuccessStatusCode();
        var version = await app.VersionAsync();

        var big = new BulkChange { Products = [.. Enumerable.Range(0, 400).Select(i => Bodies.Product($"BIG-{i}"))] };
        var response = await client.PutAsJsonAsync("/v1/masterdata/bulk", big, McsJson.Options);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("payload_too_large", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(version, await app.VersionAsync());
        Assert.DoesNotContain((await app.AllAsync()).Products, p => p.Sku.StartsWith("BIG-", StringComparison.Ordinal));
    }
}
