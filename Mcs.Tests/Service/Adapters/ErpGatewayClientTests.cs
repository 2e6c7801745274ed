using Mcs.Contracts.Orders;
using Mcs.Orchestrator.Adapters.Erp;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Mcs.Tests.Service.Adapters;

public sealed class ErpGatewayClientTests : IAsyncLifetime
{
    private readonly FakeErpGateway _erp = new();
    private StubServer _server = null!;

    public async Task InitializeAsync() => _server = await StubServer.StartAsync(_erp.Map);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private ErpGatewayClient Client(string apiKey = FakeErpGateway.ApiKey) => new(
        new HttpClient(),
        Options.Create(new ErpOptions { BaseUrl = _server.BaseUrl, ApiKey = apiKey, RetryBaseDelay = TimeSpan.FromMilliseconds(10) }),
        TimeProvider.System,
        NullLogger<ErpGatewayClient>.Instance);

    private static ErpOrderPayload Payload(string externalRef = "lineage-1:call_erp_gateway:order", int lines = 1) => new()
    {
        ExternalRef = externalRef,
        CompanyCode = "1000",
        CustomerNum = "C-001",
        OrderDate = new DateOnly(2026, 11, 3),
        Currency = "CNY",
        ContractNo = "HT-2026-0042",
        TotalAmount = 1234.50m,
        Lines = [.. Enumerable.Range(1, lines).Select(n => new ErpOrderLine { LineNo = n, Sku = "BRG-6204", Quantity = 10, Unit = "pcs", UnitPrice = 123.45m, Amount = 1234.50m })],
    };

    [Fact]
    public async Task A_new_order_is_created_once_and_the_same_key_returns_it_again()
    {
        var client = Client();

        var first = await client.CreateSalesOrderAsync(Payload(), "key-1", false, CancellationToken.None);
        var second = await client.CreateSalesOrderAsync(Payload(), "key-1", false, CancellationToken.None);

        Assert.Equal(ErpOrderOutcome.Created, first.Order!.Outcome);
        Assert.Equal(ErpOrderOutcome.AlreadyExisted, second.Order!.Outcome);
        Assert.Equal(first.Order.OrderId, second.Order.OrderId);
        Assert.Equal(1, _erp.CreatedCount);
    }

    [Fact]
    public async Task Another_key_for_the_same_external_ref_gets_the_existing_order_via_409()
    {
        var client = Client();
        var first = await client.CreateSalesOrderAsync(Payload(), "key-1", false, CancellationToken.None);

        var other = await client.CreateSalesOrderAsync(Payload(), "key-2", false, CancellationToken.None);

        Assert.Equal(ErpOrderOutcome.AlreadyExisted, other.Order!.Outcome);
        Assert.Equal(first.Order!.OrderNo, other.Order.OrderNo);
        Assert.Equal(1, _erp.CreatedCount);
    }

    [Fact]
    public async Task Unknown_outcome_is_resolved_by_lookup_before_resending_even_when_the_key_is_ignored()
    {
        _erp.IgnoreIdempotencyKey = true;
        _erp.FailNextAfterCommit = 1;

        var result = await Client().CreateSalesOrderAsync(Payload(), "key-1", false, CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal(ErpOrderOutcome.AlreadyExisted, result.Order.Outcome);
        Assert.Equal(1, _erp.CreatedCount);
        Assert.Equal(1, _erp.PostCount);
        Assert.Equal(1, _erp.LookupCount);
    }

    [Fact]
    public async Task A_resumed_node_looks_up_first_and_does_not_post_when_the_order_exists()
    {
        _erp.IgnoreIdempotencyKey = true;
        var client = Client();
        await client.CreateSalesOrderAsync(Payload(), "key-1", false, CancellationToken.None);

        var resumed = await client.CreateSalesOrderAsync(Payload(), "key-1", mayHaveBeenSentBefore: true, CancellationToken.None);

        Assert.Equal(ErpOrderOutcome.AlreadyExisted, resumed.Order!.Outcome);
        Assert.Equal(1, _erp.PostCount);
        Assert.Equal(1, _erp.CreatedCount);
    }

    [Fact]
    public async Task A_failure_before_commit_is_retried_after_a_lookup_and_creates_one_order()
    {
        _erp.FailNextBeforeCommit = 2;

        var result = await Client().CreateSalesOrderAsync(Payload(), "key-1", false, CancellationToken.None);

        Assert.Equal(ErpOrderOutcome.Created, result.Order!.Outcome);
        Assert.Equal(3, _erp.PostCount);
        Assert.Equal(2, _erp.LookupCount);
        Assert.Equal(1, _erp.CreatedCount);
    }

    [Fact]
    public async Task A_gateway_down_for_every_attempt_is_a_retryable_unavailable_failure()
    {
        _erp.FailNextBeforeCommit = 100;

        var result = await Client().CreateSalesOrderAsync(Payload(), "key-1", false, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(ErpErrorCodes.Unavailable, result.Failure.Code);
        Assert.True(result.Failure.Retryable);
        Assert.Equal(0, _erp.CreatedCount);
    }

    [Fact]
    public async Task Business_validation_422_is_rejected_without_retry()
    {
        var result = await Client().CreateSalesOrderAsync(Payload(lines: 0), "key-1", false, CancellationToken.None);

        Assert.Equal(ErpErrorCodes.Rejected, result.Failure!.Code);
        Assert.False(result.Failure.Retryable);
        Assert.Equal(["at least one line"], result.Failure.Errors!["lines"]);
        Assert.Equal(1, _erp.PostCount);
    }

    [Fact]
    public async Task Wrong_key_is_a_configuration_failure()
    {
        var result = await Client("wrong-key-0123456789").CreateSalesOrderAsync(Payload(), "key-1", false, CancellationToken.None);

        Assert.Equal(ErpErrorCodes.Configuration, result.Failure!.Code);
        Assert.Equal(401, result.Failure.HttpStatus);
    }

    [Fact]
    public async Task Lookup_by_external_ref_finds_the_order_or_reports_none()
    {
        var client = Client();
        await client.CreateSalesOrderAsync(Payload(), "key-1", false, CancellationToken.None);

        var found = await client.FindByExternalRefAsync("lineage-1:call_erp_gateway:order", CancellationToken.None);
        var missing = await client.FindByExternalRefAsync("nope", CancellationToken.None);

        Assert.True(found.Found);
        Assert.False(missing.Found);
        Assert.Null(missing.Failure);
    }

    [Fact]
    public async Task An_unreachable_gateway_is_a_failure_not_an_exception()
    {
        await _server.StopAsync();

        var result = await Client().CreateSalesOrderAsync(Payload(), "key-1", false, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(ErpErrorCodes.Unavailable, result.Failure!.Code);
    }
}
