using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Mcs.Contracts.Orders;
using Mcs.Orchestrator.Adapters;
using Mcs.Orchestrator.Adapters.Erp;
using Mcs.Tests.Service.Mocks;
using Mcs.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Mcs.Tests.Service.Adapters;

/// <summary>
/// The real <see cref="ErpGatewayClient"/> (from AddOrchestratorAdapters) against the ERP stand-in of Mcs.Mocks over
/// real HTTP. What a user checks is <c>GET /_mock/erp/orders</c>: however the gateway misbehaves, one order per
/// external_ref.
/// </summary>
public sealed class ErpGatewayClientTests(MocksFixture fixture) : IClassFixture<MocksFixture>, IAsyncLifetime
{
    private const string ExternalRef = "lineage-1:call_erp_gateway:order";
    private readonly List<IHost> _hosts = [];

    private MocksServer Server => fixture.Server;

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync()
    {
        _hosts.ForEach(host => host.Dispose());
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_new_order_is_created_once_and_the_same_key_returns_it_again()
    {
        var client = Client();

        var first = await client.CreateSalesOrderAsync(Payload(), "key-1", false, CancellationToken.None);
        var second = await client.CreateSalesOrderAsync(Payload(), "key-1", false, CancellationToken.None);

        Assert.Equal(ErpOrderOutcome.Created, first.Order!.Outcome);
        Assert.Equal(ErpOrderOutcome.AlreadyExisted, second.Order!.Outcome);
        Assert.Equal(first.Order.OrderId, second.Order.OrderId);
        var order = Assert.Single(await OrdersAsync())!;
        Assert.Equal("key-1", order["idempotency_key"]!.GetValue<string>());
        Assert.Equal(ExternalRef, order["external_ref"]!.GetValue<string>());
        Assert.Equal(first.Order.OrderNo, order["order_no"]!.GetValue<string>());
    }

    [Fact]
    public async Task Another_key_for_the_same_external_ref_gets_the_existing_order_via_409()
    {
        var client = Client();
        var first = await client.CreateSalesOrderAsync(Payload(), "key-1", false, CancellationToken.None);

        var other = await client.CreateSalesOrderAsync(Payload(), "key-2", false, CancellationToken.None);

        Assert.Equal(ErpOrderOutcome.AlreadyExisted, other.Order!.Outcome);
        Assert.Equal(first.Order!.OrderNo, other.Order.OrderNo);
        Assert.Single(await OrdersAsync());
    }

    [Fact]
    public async Task Lookup_by_external_ref_finds_the_order_or_reports_none()
    {
        var client = Client();
        var created = await client.CreateSalesOrderAsync(Payload(), "key-1", false, CancellationToken.None);

        var found = await client.FindByExternalRefAsync(ExternalRef, CancellationToken.None);
        var missing = await client.FindByExternalRefAsync("lineage-unknown:call_erp_gateway:order", CancellationToken.None);

        Assert.True(found.Found);
        Assert.Equal(created.Order!.OrderId, found.Order!.OrderId);
        Assert.False(missing.Found);
        Assert.Null(missing.Failure);
    }

    [Fact]
    public async Task Business_validation_422_is_rejected_without_retry_and_nothing_is_created()
    {
        var broken = Payload() with { Lines = [], TotalAmount = 0m };

        var result = await Client().CreateSalesOrderAsync(broken, "key-1", false, CancellationToken.None);

        Assert.Equal(ErpErrorCodes.Rejected, result.Failure!.Code);
        Assert.False(result.Failure.Retryable);
        Assert.Equal(422, result.Failure.HttpStatus);
        Assert.Equal(["an order needs at least one line"], result.Failure.Errors!["lines"]);
        Assert.Empty(await OrdersAsync());
    }

    [Fact]
    public async Task Failures_before_the_gateway_commits_are_retried_and_one_order_results()
    {
        // Even at a gateway that ignores the key: each resend follows a lookup that found nothing.
        await BehaviorAsync(new JsonObject { ["ignore_idempotency_key"] = true, ["fail_next"] = 2, ["fail_status"] = 503 });

        var result = await Client().CreateSalesOrderAsync(Payload(), "key-1", false, CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal(ErpOrderOutcome.Created, result.Order.Outcome);
        Assert.Single(await OrdersAsync());
    }

    [Fact]
    public async Task A_gateway_down_for_every_attempt_is_a_retryable_unavailable_failure()
    {
        await BehaviorAsync(new JsonObject { ["fail_next"] = 100, ["fail_status"] = 502 });

        var result = await Client().CreateSalesOrderAsync(Payload(), "key-1", false, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(ErpErrorCodes.Unavailable, result.Failure.Code);
        Assert.True(result.Failure.Retryable);
        Assert.Equal(502, result.Failure.HttpStatus);
        Assert.Empty(await OrdersAsync());
    }

    [Fact]
    public async Task An_unknown_outcome_at_a_gateway_that_ignores_the_key_is_never_resent_blindly()
    {
        // The gateway commits the order but answers after 3 s, past the client's 2 s attempt timeout, and it would
        // make a second order for a resend (the key is ignored). The lookups before a resend time out as well, so the
        // client cannot learn the outcome: it must give up with a retryable failure rather than POST again.
        var client = await WarmClientAsync();
        await BehaviorAsync(new JsonObject { ["ignore_idempotency_key"] = true, ["delay_ms"] = 3000 });

        var lost = await client.CreateSalesOrderAsync(Payload(), "key-1", false, CancellationToken.None);

        Assert.False(lost.Succeeded);
        Assert.Equal(ErpErrorCodes.Unavailable, lost.Failure.Code);
        Assert.True(lost.Failure.Retryable);
        var order = Assert.Single(await OrdersAsync())!;
        Assert.Equal(ExternalRef, order["external_ref"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_resumed_node_looks_up_first_and_does_not_post_when_the_order_exists()
    {
        var client = await WarmClientAsync();
        await BehaviorAsync(new JsonObject { ["ignore_idempotency_key"] = true, ["delay_ms"] = 3000 });
        var lost = await client.CreateSalesOrderAsync(Payload(), "key-1", false, CancellationToken.None);
        Assert.Single(await OrdersAsync());
        await BehaviorAsync(new JsonObject { ["ignore_idempotency_key"] = true });

        var resumed = await client.CreateSalesOrderAsync(Payload(), "key-1", mayHaveBeenSentBefore: true, CancellationToken.None);

        Assert.False(lost.Succeeded);
        Assert.True(resumed.Succeeded, resumed.Failure?.Message);
        Assert.Equal(ErpOrderOutcome.AlreadyExisted, resumed.Order.Outcome);
        var order = Assert.Single(await OrdersAsync())!;
        Assert.Equal(order["order_id"]!.GetValue<string>(), resumed.Order.OrderId);
    }

    [Fact]
    public async Task Wrong_key_is_a_configuration_failure()
    {
        var result = await Client(apiKey: "erp-wrong-key-0123456789").CreateSalesOrderAsync(Payload(), "key-1", false, CancellationToken.None);

        Assert.Equal(ErpErrorCodes.Configuration, result.Failure!.Code);
        Assert.False(result.Failure.Retryable);
        Assert.Equal(401, result.Failure.HttpStatus);
        Assert.Empty(await OrdersAsync());
    }

    [Fact]
    public async Task An_unreachable_gateway_is_a_failure_not_an_exception()
    {
        var nobody = new UriBuilder("http", "127.0.0.1", LocalServerProcess.FreePort()).Uri;

        var result = await Client(baseUrl: nobody).CreateSalesOrderAsync(Payload(), "key-1", false, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(ErpErrorCodes.Unavailable, result.Failure!.Code);
        Assert.True(result.Failure.Retryable);
    }

    private IErpGateway Client(string? apiKey = null, Uri? baseUrl = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Erp:BaseUrl"] = (baseUrl ?? Server.BaseAddress).AbsoluteUri,
            ["Erp:ApiKey"] = apiKey ?? TestKeys.ErpApiKey,
            ["Erp:AttemptTimeout"] = "00:00:02",
            ["Erp:RetryBaseDelay"] = "00:00:00.020",
            ["Dify:BaseUrl"] = "http://127.0.0.1:1/v1",
            ["Dify:ContractKey"] = "app-unused",
            ["Dify:OrderKey"] = "app-unused",
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = "25",
            ["Masterdata:BaseUrl"] = "http://127.0.0.1:1",
            ["Mcs:ApiKey"] = TestKeys.ApiKey,
        });
        // As in the orchestrator: AddServiceDefaults puts the standard resilience handler on every HttpClient.
        builder.Services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());
        builder.AddOrchestratorAdapters();
        var host = builder.Build();
        _hosts.Add(host);
        return host.Services.GetRequiredService<IErpGateway>();
    }

    /// <summary>
    /// A client whose connection and the stand-in's endpoints are warm, so on a loaded machine the first POST of a
    /// timing test reaches the gateway within the attempt timeout (the test is about the answer being late).
    /// </summary>
    private async Task<IErpGateway> WarmClientAsync()
    {
        var client = Client();
        Assert.False((await client.FindByExternalRefAsync(ExternalRef, CancellationToken.None)).Found);
        return client;
    }

    private static ErpOrderPayload Payload() => new()
    {
        ExternalRef = ExternalRef,
        CompanyCode = "1000",
        CustomerNum = "C-001",
        OrderDate = new DateOnly(2026, 11, 3),
        Currency = "CNY",
        ContractNo = "HT-2026-0042",
        TotalAmount = 1234.50m,
        Lines = [new ErpOrderLine { LineNo = 1, Sku = "BRG-6204", Quantity = 10, Unit = "pcs", UnitPrice = 123.45m, Amount = 1234.50m }],
    };

    private async Task BehaviorAsync(JsonObject behavior)
    {
        using var admin = Server.Http();
        using var response = await admin.PutAsync("/_mock/erp/behavior", MocksServer.Json(behavior));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<JsonArray> OrdersAsync()
    {
        using var admin = Server.Http();
        return (await admin.GetFromJsonAsync<JsonObject>("/_mock/erp/orders"))!["items"]!.AsArray();
    }
}
