using Mcs.Contracts.Runs;
using Mcs.Orchestrator.Adapters.Dify;
using Mcs.Orchestrator.Adapters.Masterdata;
using Mcs.Orchestrator.Adapters.Smtp;
using Mcs.Orchestrator.Graphs.SalesEmail;
using Mcs.Orchestrator.Graphs.SalesEmail.Nodes;
using Mcs.Tests.Support;
using Mcs.Tests.Support.Fakes;
using static Mcs.Tests.Service.Orchestrator.OrchestratorApi;
using static Mcs.Tests.Unit.SalesEmail.SalesEmailTestData;

namespace Mcs.Tests.Service.Orchestrator;

/// <summary>
/// The fail paths of issue 6 through the API, on real PostgreSQL: what a user sees in GET run, how many orders the
/// ERP holds, and who was told.
/// </summary>
public sealed class SalesEmailFailPathTests : IAsyncLifetime
{
    private const string Salesperson = "li.lei@mcs-sales.cn";

    private OrchestratorFactory _factory = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _factory = new OrchestratorFactory(await TestPostgres.CreateDatabaseAsync("orch_fail"));
        _factory.Dify.Contract = ChineseContract();
        _factory.Dify.OrderPayload = ChinesePayload();
        _client = _factory.Client();
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task MasterdataDown_WithACachedSnapshot_RunProceeds_WithWarningMasterdataStale()
    {
        _factory.Masterdata.Stale = true;

        var run = await _client.RunToSettledAsync(ContractMail("d-md-1", "md-1@hdjd.com.cn"));

        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Contains(LoadMasterdataNode.StaleWarning, run.Warnings);
        Assert.Equal(1, _factory.Erp.Creates);
    }

    [Fact]
    public async Task MasterdataDown_WithoutASnapshot_RunFailsRetryable_AndAReplayOnceItIsBack_CreatesTheOrder()
    {
        _factory.Masterdata.Unavailable = true;

        var failed = await _client.RunToSettledAsync(ContractMail("d-md-2", "md-2@hdjd.com.cn"));

        Assert.Equal(RunStatus.Failed, failed.Status);
        var error = Assert.Single(failed.Errors);
        Assert.Equal(MasterdataErrorCodes.Unavailable, error.Code);
        Assert.True(error.Retryable);
        Assert.Equal(SalesEmailNodeNames.LoadMasterdata, error.Node);
        Assert.Equal(0, _factory.Erp.Creates);

        _factory.Masterdata.Unavailable = false;
        var replayed = await _client.ReplayAsync(failed.RunId, SalesEmailNodeNames.LoadMasterdata);

        Assert.Equal(RunStatus.Succeeded, replayed.Status);
        Assert.Equal(1, _factory.Erp.Creates);
    }

    [Theory]
    [InlineData(DifyErrorCodes.RunFailed, false, 1)]
    [InlineData(DifyErrorCodes.Unavailable, true, 3)]
    public async Task DifyFault_FailsTheRunWithTheCode_AndTellsTheSalesperson(string code, bool retryable, int expectedCalls)
    {
        _factory.Dify.ContractFailure = FakeDifyWorkflowClient.Failure(code, retryable);

        var run = await _client.RunToSettledAsync(ContractMail("d-dify-" + code, $"dify-{code}@hdjd.com.cn"));

        Assert.Equal(RunStatus.Failed, run.Status);
        var error = Assert.Single(run.Errors);
        Assert.Equal(code, error.Code);
        Assert.Equal(retryable, error.Retryable);
        // A final verdict is not retried; a retryable one is, up to the node's policy (3 attempts).
        Assert.Equal(expectedCalls, _factory.Dify.ContractCalls);
        Assert.Equal(0, _factory.Erp.Creates);
        var told = Assert.Single(_factory.Smtp.Sent);
        Assert.Equal(NotificationKind.Failed, told.Kind);
        Assert.Equal(Salesperson, told.To);
        Assert.Equal(code, told.ErrorCode);
    }

    [Fact]
    public async Task DifyTransientFault_ThatClearsOnRetry_Succeeds()
    {
        _factory.Dify.ContractFailure = FakeDifyWorkflowClient.Failure(DifyErrorCodes.Unavailable, retryable: true);
        _factory.Dify.ContractFailureCount = 1;

        var run = await _client.RunToSettledAsync(ContractMail("d-dify-t", "dify-t@hdjd.com.cn"));

        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Empty(run.Errors);
        Assert.Equal(2, _factory.Dify.ContractCalls);
        Assert.Equal(1, _factory.Erp.Creates);
        Assert.Equal(NotificationKind.OrderCreated, Assert.Single(_factory.Smtp.Sent).Kind);
    }

    [Theory]
    [InlineData(false)] // 503 before the order was stored
    [InlineData(true)] // the order was stored, the answer was lost (502 from a proxy)
    public async Task Erp5xx_IsRetried_AndExactlyOneOrderExists(bool commitBeforeFailing)
    {
        _factory.Erp.NextFailure = FakeErpGateway.Unavailable();
        _factory.Erp.FailureCount = 1;
        _factory.Erp.CommitBeforeFailing = commitBeforeFailing;

        var run = await _client.RunToSettledAsync(ContractMail("d-erp-" + commitBeforeFailing, $"erp-{commitBeforeFailing}@hdjd.com.cn"));

        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(1, _factory.Erp.Creates);
        var order = Assert.Single(_factory.Erp.Orders.Values);
        Assert.Equal(order.Order.OrderNo, run.ErpOrder!.OrderNo);
        Assert.Equal(run.OrderPayload!.ExternalRef, order.Order.ExternalRef);
    }

    [Fact]
    public async Task SmtpDown_OrderStillSucceeds_WithAWarning()
    {
        _factory.Smtp.Down = true;

        var run = await _client.RunToSettledAsync(ContractMail("d-smtp", "smtp@hdjd.com.cn"));

        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(1, _factory.Erp.Creates);
        Assert.Contains(run.Warnings, w => w.StartsWith("notification_not_sent", StringComparison.Ordinal));
        Assert.Empty(_factory.Smtp.Sent);
    }

    [Fact]
    public async Task ApproveWithoutACorrectedPayload_OnACompletePayload_CreatesTheOrderAsExtracted()
    {
        var lines = ChinesePayload().Lines.ToArray();
        lines[0] = lines[0] with { UnitPrice = 1500m, Amount = 15000m };
        _factory.Dify.OrderPayload = ChinesePayload() with { Lines = lines, TotalAmount = 19000m };
        var waiting = await _client.RunToSettledAsync(ContractMail("d-approve", "approve@hdjd.com.cn"));
        Assert.Equal(RunStatus.WaitingReview, waiting.Status);
        Assert.Equal([ReviewReasons.PriceDeviation], waiting.Review!.Reasons);
        Assert.Equal(0, _factory.Erp.Creates);

        var approved = await _client.ReviewAsync(waiting.RunId, new ReviewRequest { Decision = ReviewDecision.Approve, Reviewer = "li" });

        Assert.Equal(RunStatus.Succeeded, approved.Status);
        Assert.Equal(1, _factory.Erp.Creates);
        Assert.Equal(19000m, Assert.Single(_factory.Erp.Orders.Values).Payload.TotalAmount);
        Assert.Contains(_factory.Smtp.Sent, n => n.Kind == NotificationKind.ReviewNeeded && n.To == Salesperson);
        Assert.Contains(_factory.Smtp.Sent, n => n.Kind == NotificationKind.OrderCreated && n.To == Salesperson);
    }
}
