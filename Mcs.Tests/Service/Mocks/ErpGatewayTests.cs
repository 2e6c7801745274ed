using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Mcs.Contracts;
using Mcs.Contracts.Orders;

namespace Mcs.Tests.Service.Mocks;

public sealed class ErpGatewayTests(MocksFixture fixture) : IClassFixture<MocksFixture>, IAsyncLifetime
{
    private MocksServer Server => fixture.Server;

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public static ErpOrderPayload Payload(string externalRef) => new()
    {
        ExternalRef = externalRef,
        CompanyCode = "1000",
        CustomerNum = "C10001",
        OrderDate = new DateOnly(2026, 3, 5),
        Currency = "CNY",
        ContractNo = "HT-7",
        Lines = [new ErpOrderLine { LineNo = 1, Sku = "P-1001", Quantity = 100, Unit = "PCS", UnitPrice = 12.5m, Amount = 1250m }],
        TotalAmount = 1250m,
    };

    [Fact]
    public async Task Same_key_returns_the_same_order_and_another_key_for_the_ref_is_409_with_it()
    {
        using var erp = Server.Erp();

        using var created = await PostAsync(erp, "key-1", Payload("run-1:erp"));
        using var repeated = await PostAsync(erp, "key-1", Payload("run-1:erp"));
        using var conflict = await PostAsync(erp, "key-2", Payload("run-1:erp"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var first = await created.Content.ReadFromJsonAsync<ErpOrderCreated>(McsJson.Options);
        Assert.Equal(first, await repeated.Content.ReadFromJsonAsync<ErpOrderCreated>(McsJson.Options));
        var conflictBody = JsonNode.Parse(await conflict.Content.ReadAsStringAsync())!;
        Assert.Equal("duplicate_external_ref", conflictBody["code"]!.GetValue<string>());
        Assert.Equal(first!.OrderId, conflictBody["order_id"]!.GetValue<string>());
        Assert.Single(await OrdersAsync());
    }

    [Fact]
    public async Task Lookup_by_external_ref_finds_the_order_or_answers_404()
    {
        using var erp = Server.Erp();
        using var created = await PostAsync(erp, "key-1", Payload("run-2:erp"));
        var order = await created.Content.ReadFromJsonAsync<ErpOrderCreated>(McsJson.Options);

        var found = await erp.GetFromJsonAsync<ErpOrderCreated>("/v1/sales-orders?external_ref=run-2:erp", McsJson.Options);
        using var missing = await erp.GetAsync("/v1/sales-orders?external_ref=nope");

        Assert.Equal(order, found);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("not_found", JsonNode.Parse(await missing.Content.ReadAsStringAsync())!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Business_rule_violations_are_422_with_field_errors_and_nothing_is_stored()
    {
        using var erp = Server.Erp();
        var bad = Payload("run-3:erp") with { Currency = "rmb", TotalAmount = 999m };

        using var response = await PostAsync(erp, "key-3", bad);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        Assert.Contains("currency", errors.Select(e => e.Key));
        Assert.Contains("total_amount", errors.Select(e => e.Key));
        Assert.Empty(await OrdersAsync());
    }

    [Fact]
    public async Task Wrong_key_missing_idempotency_key_and_bad_json_are_refused()
    {
        using var anonymous = Server.Http();
        using var noKey = await anonymous.PostAsJsonAsync("/v1/sales-orders", Payload("r"), McsJson.Options);
        using var erp = Server.Erp();
        using var noIdempotency = await erp.PostAsJsonAsync("/v1/sales-orders", Payload("r"), McsJson.Options);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/sales-orders") { Content = MocksServer.Json(new JsonObject { ["external_ref"] = 5 }) };
        request.Headers.Add("Idempotency-Key", "k");
        using var malformed = await erp.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal("unauthorized", JsonNode.Parse(await noKey.Content.ReadAsStringAsync())!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, noIdempotency.StatusCode);
        Assert.Equal("missing_idempotency_key", JsonNode.Parse(await noIdempotency.Content.ReadAsStringAsync())!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("malformed_request", JsonNode.Parse(await malformed.Content.ReadAsStringAsync())!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_gateway_ignoring_the_idempotency_key_creates_a_second_order()
    {
        await PutBehaviorAsync(new JsonObject { ["ignore_idempotency_key"] = true });
        using var erp = Server.Erp();

        using var first = await PostAsync(erp, "key-1", Payload("run-4:erp"));
        using var second = await PostAsync(erp, "key-1", Payload("run-4:erp"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(2, (await OrdersAsync()).Count);
    }

    [Fact]
    public async Task Fail_next_fails_that_many_posts_with_the_status_then_serves_again()
    {
        var behavior = await PutBehaviorAsync(new JsonObject { ["fail_next"] = 2, ["fail_status"] = 502 });
        using var erp = Server.Erp();

        using var one = await PostAsync(erp, "key-5", Payload("run-5:erp"));
        using var two = await PostAsync(erp, "key-5", Payload("run-5:erp"));
        using var three = await PostAsync(erp, "key-5", Payload("run-5:erp"));

        Assert.False(behavior["ignore_idempotency_key"]!.GetValue<bool>());
        Assert.Equal(0, behavior["delay_ms"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.BadGateway, one.StatusCode);
        Assert.Equal(HttpStatusCode.BadGateway, two.StatusCode);
        Assert.Equal(HttpStatusCode.Created, three.StatusCode);
    }

    [Fact]
    public async Task Orders_survive_a_restart_of_the_stand_in()
    {
        var dataDirectory = MocksServer.NewDataDirectory();
        ErpOrderCreated? created;
        await using (var first = MocksServer.Start(dataDirectory))
        {
            using var erp = first.Erp();
            using var response = await PostAsync(erp, "key-r", Payload("run-restart:erp"));
            created = await response.Content.ReadFromJsonAsync<ErpOrderCreated>(McsJson.Options);
        }
        await using var second = MocksServer.Start(dataDirectory);
        using var again = second.Erp();

        var found = await again.GetFromJsonAsync<ErpOrderCreated>("/v1/sales-orders?external_ref=run-restart:erp", McsJson.Options);
        using var replay = await PostAsync(again, "key-r", Payload("run-restart:erp"));

        Assert.Equal(created, found);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient erp, string key, ErpOrderPayload payload)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/sales-orders") { Content = JsonContent.Create(payload, options: McsJson.Options) };
        request.Headers.Add("Idempotency-Key", key);
        return await erp.SendAsync(request);
    }

    private async Task<JsonNode> PutBehaviorAsync(JsonObject behavior)
    {
        using var admin = Server.Http();
        using var response = await admin.PutAsync("/_mock/erp/behavior", MocksServer.Json(behavior));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private async Task<JsonArray> OrdersAsync()
    {
        using var admin = Server.Http();
        return JsonNode.Parse(await admin.GetStringAsync("/_mock/erp/orders"))!["items"]!.AsArray();
    }
}
