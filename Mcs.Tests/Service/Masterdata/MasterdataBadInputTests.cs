using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Mcs.Contracts;
using Mcs.Contracts.MasterData;
using Mcs.Tests.Support;

namespace Mcs.Tests.Service.Masterdata;

/// <summary>Every kind of bad input gets a clear 4xx with a stable code, and nothing is written (version and rows unchanged).</summary>
public sealed class MasterdataBadInputTests : IAsyncLifetime
{
    private MasterdataApp _app = null!;

    public async Task InitializeAsync()
    {
        // No Redis: also proves the memory-only mode serves.
        _app = new MasterdataApp(await TestPostgres.CreateDatabaseAsync("md_bad"), redis: null);
        using var client = _app.Client();
        var seed = new BulkChange { Customers = [Bodies.Customer("K1")], Products = [Bodies.Product("EXIST-1")] };
        (await client.PutAsJsonAsync("/v1/masterdata/bulk", seed, McsJson.Options)).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    public static TheoryData<string, string, string, int, string, string> Cases => new()
    {
        // name, method+path, body, status, code, field named in errors (or "" when the message names it)
        { "invalid email", "POST /v1/masterdata/contacts", """{"contact_id":"","customer_id":"cus-K1","name":"x","email":"not-an-email"}""", 422, "validation_failed", "contacts[0].email" },
        { "negative price", "PUT /v1/masterdata/bulk", """{"products":[{"product_id":"p-neg","sku":"NEG-1","name":"n","unit":"pcs","unit_price":-1.00,"currency":"CNY"}]}""", 422, "validation_failed", "products[0].unit_price" },
        { "bad currency", "PUT /v1/masterdata/bulk", """{"products":[{"product_id":"p-cur","sku":"CUR-1","name":"n","unit":"pcs","unit_price":1,"currency":"rmb"}]}""", 422, "validation_failed", "products[0].currency" },
        { "duplicate natural key", "POST /v1/masterdata/customers", """{"customer_id":"other-id","customer_num":"K1","name":"n","sales_owner_email":"a@mcs.local","currency":"CNY"}""", 409, "duplicate_natural_key", "customers[0].customer_num" },
        { "duplicate in one request", "PUT /v1/masterdata/bulk", """{"products":[{"product_id":"d1","sku":"DUP","name":"n","unit":"pcs","unit_price":1,"currency":"CNY"},{"product_id":"d2","sku":"DUP","name":"n","unit":"pcs","unit_price":1,"currency":"CNY"}]}""", 422, "validation_failed", "products[1].sku" },
        { "dangling contact", "PUT /v1/masterdata/bulk", """{"customers":[{"customer_id":"cus-ok","customer_num":"OK1","name":"n","sales_owner_email":"a@mcs.local","currency":"CNY"}],"contacts":[{"contact_id":"c1","customer_id":"cus-nowhere","name":"x","email":"x@example.com"}]}""", 422, "unknown_reference", "contacts[0].customer_id" },
        { "dangling part number", "PUT /v1/masterdata/bulk", """{"products":[{"product_id":"p1","sku":"PN-1","name":"n","unit":"pcs","unit_price":1,"currency":"CNY","customer_part_numbers":[{"customer_id":"cus-ghost","part_no":"G-1"}]}]}""", 422, "unknown_reference", "products[0].customer_part_numbers[0].customer_id" },
        { "wrong field type", "PUT /v1/masterdata/bulk", """{"products":[{"product_id":"p2","sku":"T-1","name":"n","unit":"pcs","unit_price":"cheap","currency":"CNY"}]}""", 400, "malformed_request", "" },
        { "unknown enum value", "POST /v1/masterdata/customers", """{"customer_id":"","customer_num":"E1","name":"n","sales_owner_email":"a@mcs.local","currency":"CNY","status":"deleted"}""", 400, "malformed_request", "" },
        { "missing required field", "POST /v1/masterdata/customers", """{"customer_id":"","name":"n","sales_owner_email":"a@mcs.local","currency":"CNY"}""", 400, "malformed_request", "" },
        { "not json", "PUT /v1/masterdata/bulk", """{"products": [""", 400, "malformed_request", "" },
        { "delete a customer that has contacts", "PUT /v1/masterdata/bulk", """{"contacts":[{"contact_id":"c-k1","customer_id":"cus-K1","name":"x","email":"k1@example.com"}],"delete":{"customers":["cus-K1"]}}""", 422, "unknown_reference", "contacts[0].customer_id" },
        { "id too long", "PUT /v1/masterdata/bulk", "{\"customers\":[{\"customer_id\":\"" + new string('x', 65) + "\",\"customer_num\":\"L1\",\"name\":\"n\",\"sales_owner_email\":\"a@mcs.local\",\"currency\":\"CNY\"}]}", 422, "validation_failed", "customers[0].id" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_is_a_clear_4xx_with_a_stable_code_and_nothing_is_written(string name, string route, string body, int status, string code, string field)
    {
        using var client = _app.Client();
        var before = await _app.AllAsync();
        var (method, path) = (route.Split(' ')[0], route.Split(' ')[1]);
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

        var response = await client.SendAsync(request);

        Assert.True(status == (int)response.StatusCode, $"{name}: expected {status}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        if (field.Length > 0)
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{name}: errors should name {field}: {problem}");
        }
        var after = await _app.AllAsync();
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(JsonSerializer.Serialize(before, McsJson.Options), JsonSerializer.Serialize(after, McsJson.Options));
    }

    [Fact]
    public async Task Deleting_a_customer_that_still_has_contacts_is_refused_with_409()
    {
        using var client = _app.Client();
        var setup = new BulkChange { Customers = [Bodies.Customer("R1")], Contacts = [Bodies.Contact("r1@example.com", "cus-R1")] };
        (await client.PutAsJsonAsync("/v1/masterdata/bulk", setup, McsJson.Options)).EnsureSuccessStatusCode();
        var version = await _app.VersionAsync();

        var response = await client.PutAsJsonAsync("/v1/masterdata/bulk", new BulkChange { Delete = new BulkDelete { Customers = ["cus-R1"] } }, McsJson.Options);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("still_referenced", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(version, await _app.VersionAsync());
        Assert.Contains((await _app.AllAsync()).Customers, c => c.CustomerId == "cus-R1");
    }
}
