using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Mcs.Contracts;
using Mcs.Contracts.MasterData;
using Mcs.Tests.Support;

namespace Mcs.Tests.Service.Masterdata;

public sealed class MasterdataApiTests : IAsyncLifetime
{
    private MasterdataApp _app = null!;
    private TestRedis _redis = null!;

    public async Task InitializeAsync()
    {
        _redis = await TestRedis.StartAsync();
        _app = new MasterdataApp(await TestPostgres.CreateDatabaseAsync("md_api"), _redis.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task Post_customer_creates_then_updates_by_customer_num_and_bumps_the_version_once_each()
    {
        using var client = _app.Client();
        var before = await _app.VersionAsync();

        var created = await client.PostAsJsonAsync("/v1/masterdata/customers", Bodies.Customer("C1", id: ""), McsJson.Options);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var first = (await created.Content.ReadFromJsonAsync<Customer>(McsJson.Options))!;
        Assert.False(string.IsNullOrEmpty(first.CustomerId));
        Assert.Equal($"\"{before + 1}\"", created.Headers.ETag!.Tag);

        var renamed = Bodies.Customer("C1", id: "") with { Name = "新名字有限公司" };
        var updated = await client.PostAsJsonAsync("/v1/masterdata/customers", renamed, McsJson.Options);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var second = (await updated.Content.ReadFromJsonAsync<Customer>(McsJson.Options))!;
        Assert.Equal(first.CustomerId, second.CustomerId);
        Assert.Equal("新名字有限公司", second.Name);

        Assert.Equal(before + 2, await _app.VersionAsync());
        var all = await _app.AllAsync();
        Assert.Single(all.Customers, c => c.CustomerNum == "C1");
        Assert.Equal(before + 2, all.Version);
    }

    [Fact]
    public async Task Contacts_are_found_by_email_whatever_the_letter_case()
    {
        using var client = _app.Client();
        await client.PostAsJsonAsync("/v1/masterdata/customers", Bodies.Customer("C2"), McsJson.Options);
        var response = await client.PostAsJsonAsync("/v1/masterdata/contacts", Bodies.Contact("Wang.JianGuo@Example.CN", "cus-C2"), McsJson.Options);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        var found = await client.GetFromJsonAsync<PagedList<Contact>>("/v1/masterdata/contacts?email=WANG.jianguo@example.cn", McsJson.Options);
        var contact = Assert.Single(found!.Items);
        Assert.Equal("Wang.JianGuo@Example.CN", contact.Email);
        Assert.Equal("cus-C2", contact.CustomerId);
        var none = await client.GetFromJsonAsync<PagedList<Contact>>("/v1/masterdata/contacts?email=nobody@example.cn", McsJson.Options);
        Assert.Empty(none!.Items);

        // The same address in another case is the same contact: an update, not a second row.
        var again = await client.PostAsJsonAsync("/v1/masterdata/contacts", Bodies.Contact("wang.jianguo@example.cn", "cus-C2", id: "") with { Title = "采购经理" }, McsJson.Options);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Single((await _app.AllAsync()).Contacts, c => c.Email.Equals("wang.jianguo@example.cn", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task All_carries_the_version_as_etag_and_answers_304_until_the_next_write()
    {
        using var client = _app.Client();
        var first = await client.GetAsync("/v1/masterdata/all");
        first.EnsureSuccessStatusCode();
        var etag = first.Headers.ETag!;
        var snapshot = (await first.Content.ReadFromJsonAsync<MasterDataSnapshot>(McsJson.Options))!;
        Assert.Equal($"\"{snapshot.Version}\"", etag.Tag);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/v1/masterdata/all");
        conditional.Headers.IfNoneMatch.Add(etag);
        var notModified = await client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        await client.PostAsJsonAsync("/v1/masterdata/customers", Bodies.Customer("C3"), McsJson.Options);
        using var stale = new HttpRequestMessage(HttpMethod.Get, "/v1/masterdata/all");
        stale.Headers.IfNoneMatch.Add(etag);
        var changed = await client.SendAsync(stale);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal($"\"{snapshot.Version + 1}\"", changed.Headers.ETag!.Tag);
        Assert.Contains((await changed.Content.ReadFromJsonAsync<MasterDataSnapshot>(McsJson.Options))!.Customers, c => c.CustomerNum == "C3");

        using var versionRequest = new HttpRequestMessage(HttpMethod.Get, "/v1/masterdata/version");
        versionRequest.Headers.IfNoneMatch.Add(changed.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(versionRequest)).StatusCode);
    }

    [Theory]
    [InlineData("gzip", "gzip")]
    [InlineData("gzip, deflate, br", "br")]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("identity", null)]
    public async Task All_is_compressed_when_the_client_accepts_it_and_decodes_to_the_same_json(string accept, string? expected)
    {
        using var client = _app.Client();
        await client.PostAsJsonAsync("/v1/masterdata/customers", Bodies.Customer("C4"), McsJson.Options);
        var plain = await client.GetByteArrayAsync("/v1/masterdata/all");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/masterdata/all");
        request.Headers.AcceptEncoding.ParseAdd(accept);
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(expected, response.Content.Headers.ContentEncoding.SingleOrDefault());
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        var decoded = expected switch
        {
            "gzip" => Decode(body, s => new GZipStream(s, CompressionMode.Decompress)),
            "br" => Decode(body, s => new BrotliStream(s, CompressionMode.Decompress)),
            _ => body,
        };
        Assert.Equal(plain, decoded);
        using var json = JsonDocument.Parse(decoded);
        Assert.True(json.RootElement.TryGetProperty("customers", out _));
    }

    [Fact]
    public async Task Paging_returns_every_row_exactly_once_while_rows_are_added_between_pages()
    {
        using var client = _app.Client();
        var initial = Enumerable.Range(0, 250).Select(i => Bodies.Customer($"P{i:D3}")).ToList();
        (await client.PutAsJsonAsync("/v1/masterdata/bulk", new BulkChange { Customers = initial }, McsJson.Options)).EnsureSuccessStatusCode();

        var seen = new List<string>();
        string? cursor = null;
        var page = 0;
        do
        {
            var url = "/v1/masterdata/customers?limit=40" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
            var result = (await client.GetFromJsonAsync<PagedList<Customer>>(url, McsJson.Options))!;
            Assert.True(result.Items.Count <= 40);
            seen.AddRange(result.Items.Select(c => c.CustomerNum));
            cursor = result.NextCursor;
            // Writers keep working while a reader pages: new rows before and after the cursor.
            await client.PostAsJsonAsync("/v1/masterdata/customers", Bodies.Customer($"NEW{page++}"), McsJson.Options);
        }
        while (cursor is not null);

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Empty(initial.Select(c => c.CustomerNum).Except(seen));

        var bad = await client.GetAsync("/v1/masterdata/customers?limit=1001");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("validation_failed", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var badCursor = await client.GetAsync("/v1/masterdata/customers?cursor=%%%");
        Assert.Equal("invalid_cursor", (await badCursor.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Every_masterdata_endpoint_requires_the_api_key_but_health_does_not()
    {
        using var anonymous = _app.CreateClient();
        foreach (var path in new[] { "/v1/masterdata/all", "/v1/masterdata/version", "/v1/masterdata/customers", "/v1/masterdata/products" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).StatusCode);
        }
        var write = await anonymous.PutAsJsonAsync("/v1/masterdata/bulk", new BulkChange(), McsJson.Options);
        Assert.Equal(HttpStatusCode.Unauthorized, write.StatusCode);
        anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "wrong-key-wrong-key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/v1/masterdata/all")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _app.CreateClient().GetAsync("/v1/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _app.CreateClient().GetAsync("/openapi/v1.json")).StatusCode);
    }

    [Fact]
    public async Task Bulk_upserts_products_with_part_numbers_and_deletes_in_one_version()
    {
        using var client = _app.Client();
        var setup = new BulkChange
        {
            Customers = [Bodies.Customer("B1"), Bodies.Customer("B2")],
            Products = [Bodies.Product("SKU-1", 10m, new CustomerPartNumber { CustomerId = "cus-B1", PartNo = "B1-001" }), Bodies.Product("SKU-2")],
            Contacts = [Bodies.Contact("a@b1.example.com", "cus-B1")],
        };
        var v1 = (await (await client.PutAsJsonAsync("/v1/masterdata/bulk", setup, McsJson.Options)).Content.ReadFromJsonAsync<MasterDataVersion>(McsJson.Options))!.Version;

        var change = new BulkChange
        {
            Products = [Bodies.Product("SKU-1", 11.555m, new CustomerPartNumber { CustomerId = "cus-B2", PartNo = "B2-XYZ" })],
            Delete = new BulkDelete { Products = ["prd-SKU-2"], Contacts = ["ct-a@b1.example.com"], Customers = ["cus-B1"] },
        };
        var response = await client.PutAsJsonAsync("/v1/masterdata/bulk", change, McsJson.Options);
        response.EnsureSuccessStatusCode();
        Assert.Equal(v1 + 1, (await response.Content.ReadFromJsonAsync<MasterDataVersion>(McsJson.Options))!.Version);

        var all = await _app.AllAsync();
        var product = Assert.Single(all.Products, p => p.Sku.StartsWith("SKU-", StringComparison.Ordinal));
        Assert.Equal(11.56m, product.UnitPrice);
        Assert.Equal("B2-XYZ", Assert.Single(product.CustomerPartNumbers).PartNo);
        Assert.DoesNotContain(all.Customers, c => c.CustomerId == "cus-B1");
        Assert.DoesNotContain(all.Contacts, c => c.CustomerId == "cus-B1");
    }

    private static byte[] Decode(byte[] body, Func<Stream, Stream> decompressor)
    {
        using var input = decompressor(new MemoryStream(body));
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
