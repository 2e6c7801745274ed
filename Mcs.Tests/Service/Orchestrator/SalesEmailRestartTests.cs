using System.Net;
using System.Net.Http.Json;
using Mcs.Contracts;
using Mcs.Contracts.Runs;
using Mcs.Tests.Support;
using Mcs.Tests.Support.Fakes;
using static Mcs.Tests.Service.Orchestrator.OrchestratorApi;
using static Mcs.Tests.Unit.SalesEmail.SalesEmailTestData;

namespace Mcs.Tests.Service.Orchestrator;

/// <summary>
/// Runs continue after a restart: the orchestrator is stopped while a run is in the middle of the ERP call, a new
/// instance on the same database takes the run over with its worker, and the ERP ends up with exactly one order.
/// </summary>
public sealed class SalesEmailRestartTests
{
    private static OrchestratorFactory Start(string database, FakeErpGateway erp, InMemoryFileStore files)
    {
        var factory = new OrchestratorFactory(database, erp, files);
        // A short lease so the second instance takes the first one's run over within seconds (the first never releases it).
        factory.Settings["GraphEngine:LeaseDuration"] = "00:00:03";
        factory.Settings["GraphEngine:HeartbeatInterval"] = "00:00:01";
        factory.Settings["SalesEmail:Policy:RunWaitTimeout"] = "00:00:00";
        factory.Dify.Contract = ChineseContract();
        factory.Dify.OrderPayload = ChinesePayload();
        return factory;
    }

    [Fact]
    public async Task ARunStoppedInTheMiddleOfTheErpCall_IsFinishedByTheNextInstance_WithOneOrder()
    {
        var database = await TestPostgres.CreateDatabaseAsync("orch_restart");
        var erp = new FakeErpGateway();
        var files = new InMemoryFileStore();
        var inFlight = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // The ERP stores the order, then the answer never arrives before the process goes away.
        erp.BeforeAnswer = async ct =>
        {
            inFlight.TrySetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
        };

        string runId;
        await using (var first = Start(database, erp, files))
        {
            var response = await first.Client().PostAsJsonAsync("/v1/orchestrations/sales-email/run", ContractMail("d-restart", "restart@hdjd.com.cn"), McsJson.Options);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            runId = (await response.Content.ReadFromJsonAsync<RunAccepted>(McsJson.Options))!.RunId;
            await inFlight.Task.WaitAsync(SettleTimeout);
            Assert.Equal(RunStatus.Running, (await first.Client().GetRunAsync(runId)).Status);
        }
        erp.BeforeAnswer = null;
        Assert.Equal(1, erp.Creates);

        await using var second = Start(database, erp, files);
        var finished = await second.Client().WaitForRunAsync(runId, r => r.Status != RunStatus.Running);

        Assert.Equal(RunStatus.Succeeded, finished.Status);
        Assert.Equal(1, erp.Creates);
        var order = Assert.Single(erp.Orders.Values);
        Assert.Equal(order.Order.OrderNo, finished.ErpOrder!.OrderNo);
        Assert.Contains(second.Smtp.Sent, n => n.Kind == Mcs.Orchestrator.Adapters.Smtp.NotificationKind.OrderCreated);
    }

    [Fact]
    public async Task ARunWaitingForReview_SurvivesARestart_AndTheApprovalOnTheNewInstanceCreatesTheOrder()
    {
        var database = await TestPostgres.CreateDatabaseAsync("orch_restart_review");
        var erp = new FakeErpGateway();
        var files = new InMemoryFileStore();
        string runId;
        await using (var first = Start(database, erp, files))
        {
            first.Dify.OrderPayload = ChinesePayload() with { Currency = "USD" };
            first.Settings["SalesEmail:Policy:RunWaitTimeout"] = "00:00:30";
            var waiting = await first.Client().RunToSettledAsync(ContractMail("d-restart-r", "restart-r@hdjd.com.cn"));
            Assert.Equal(RunStatus.WaitingReview, waiting.Status);
            runId = waiting.RunId;
        }

        await using var second = Start(database, erp, files);
        var client = second.Client();
        Assert.Equal(RunStatus.WaitingReview, (await client.GetRunAsync(runId)).Status);
        var approved = await client.ReviewAsync(runId, new ReviewRequest { Decision = ReviewDecision.Approve, Reviewer = "li", Payload = ChinesePayload() });

        Assert.Equal(RunStatus.Succeeded, approved.Status);
        Assert.Equal(1, erp.Creates);
        Assert.Equal("CNY", Assert.Single(erp.Orders.Values).Payload.Currency);
    }
}
