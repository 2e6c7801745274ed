using System.Net;
using System.Net.Http.Json;
using Mcs.Contracts;
using Mcs.Contracts.Email;
using Mcs.Contracts.Runs;
using Mcs.Orchestrator.Graphs.SalesEmail;
using Mcs.Tests.Support;
using static Mcs.Tests.Unit.SalesEmail.SalesEmailTestData;

namespace Mcs.Tests.Service.Orchestrator;

/// <summary>The orchestrator API end to end in one process, on real PostgreSQL, with fakes for the outside world.</summary>
public sealed class SalesEmailApiTests : IAsyncLifetime
{
    private OrchestratorFactory _factory = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _factory = new OrchestratorFactory(await TestPostgres.CreateDatabaseAsync("orch_api"));
        _factory.Dify.Contract = ChineseContract();
        _factory.Dify.OrderPayload = ChinesePayload() with { CustomerNum = "LLM-GUESS" };
        _client = _factory.Client();
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private static EmailEvent ContractMail(string delivery, string messageId, string from = "wang.fang@hdjd.com.cn") =>
        Email(delivery, $"{messageId}|{from}", from, "采购合同 HD-2026-118", "王经理：附件是合同，请确认。",
            Attachment("合同.pdf", TextPdf("Purchase Contract HD-2026-118")));

    private async Task<(HttpStatusCode Status, OrchestratorRunResult? Result)> RunAsync(EmailEvent email)
    {
        var response = await _client.PostAsJsonAsync("/v1/orchestrations/sales-email/run", email, McsJson.Options);
        if (response.StatusCode == HttpStatusCode.Accepted)
        {
            var accepted = await response.Content.ReadFromJsonAsync<RunAccepted>(McsJson.Options);
            var current = await (await _client.GetAsync($"/v1/orchestrations/runs/{accepted!.RunId}")).Content.ReadAsStringAsync();
            Assert.Fail("run did not settle: " + current);
        }
        var result = response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<OrchestratorRunResult>(McsJson.Options) : null;
        return (response.StatusCode, result);
    }

    [Fact]
    public async Task HappyPath_CreatesOneOrder_NotifiesTheSalesperson_AndAudits()
    {
        var (status, result) = await RunAsync(ContractMail("d-1", "m-1@hdjd.com.cn"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(RunStatus.Succeeded, result!.Status);
        Assert.Equal("C10001", result.OrderPayload!.CustomerNum);
        Assert.Equal(1, _factory.Erp.Creates);
        Assert.Contains(_factory.Smtp.Sent, n => n.To == "li.lei@mcs-sales.cn");
        var audit = await _client.GetFromJsonAsync<PagedList<AuditEvent>>($"/v1/orchestrations/runs/{result.RunId}/audit", McsJson.Options);
        Assert.Contains(audit!.Items, a => a.Node == SalesEmailNodeNames.CallErpGateway && a.Outcome == "node_completed");
    }

    [Fact]
    public async Task GetRun_WithWaitSeconds_AnswersWhenTheRunSettles_WithoutItAtOnce_OutOfRangeIs400()
    {
        _factory.Dify.ContractGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var post = _client.PostAsJsonAsync("/v1/orchestrations/sales-email/run", ContractMail("d-wait", "m-wait@hdjd.com.cn"), McsJson.Options);
        var runId = await WaitForContractCallAsync();

        var now = await _client.GetFromJsonAsync<OrchestratorRunResult>($"/v1/orchestrations/runs/{runId}", McsJson.Options);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var waiting = _client.GetFromJsonAsync<OrchestratorRunResult>($"/v1/orchestrations/runs/{runId}?wait_seconds=30", McsJson.Options);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(waiting.IsCompleted);
        _factory.Dify.ContractGate.SetResult();
        var settled = await waiting;

        Assert.Equal(RunStatus.Running, now!.Status);
        Assert.Equal(RunStatus.Succeeded, settled!.Status);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"the waiting GET answered after {clock.Elapsed}");
        Assert.Equal(1, _factory.Erp.Creates);
        (await post).Dispose();
        var tooLong = await _client.GetAsync($"/v1/orchestrations/runs/{runId}?wait_seconds=61");
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("invalid_wait", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    // The run id of the one run, once it is inside the gated contract call.
    private async Task<string> WaitForContractCallAsync()
    {
        var deadline = DateTimeOffset.UtcNow + OrchestratorApi.SettleTimeout;
        while (_factory.Dify.ContractCalls == 0)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "the run never reached call_dify_contract");
            await Task.Delay(50);
        }
        var runs = await _client.GetFromJsonAsync<PagedList<OrchestratorRunResult>>("/v1/orchestrations/runs?status=running", McsJson.Options);
        return Assert.Single(runs!.Items).RunId;
    }

    [Fact]
    public async Task SameDelivery_TwiceAndConcurrently_IsOneRun_SecondDeliveryOfTheMail_IsDuplicate()
    {
        var email = ContractMail("d-2", "m-2@hdjd.com.cn");
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => RunAsync(email)));
        var again = await RunAsync(email);

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Single(answers.Select(a => a.Result!.RunId).Append(again.Result!.RunId).Distinct());

        var duplicate = await RunAsync(ContractMail("d-3", "m-2@hdjd.com.cn"));
        Assert.Equal(RunStatus.Duplicate, duplicate.Result!.Status);
        Assert.Equal(answers[0].Result!.RunId, duplicate.Result.DuplicateOf);
        Assert.Equal(1, _factory.Erp.Creates);
    }

    [Fact]
    public async Task PriceOutOfRange_WaitsForReview_ApproveWithCorrection_CreatesTheOrder_DifferentDecisionIs409()
    {
        var lines = ChinesePayload().Lines.ToArray();
        lines[0] = lines[0] with { UnitPrice = 2000m, Amount = 20000m };
        _factory.Dify.OrderPayload = ChinesePayload() with { Lines = lines, TotalAmount = 24000m };
        var (_, waiting) = await RunAsync(ContractMail("d-4", "m-4@hdjd.com.cn"));
        Assert.Equal(RunStatus.WaitingReview, waiting!.Status);
        Assert.Equal([ReviewReasons.PriceDeviation], waiting.Review!.Reasons);

        var bad = await _client.PostAsJsonAsync($"/v1/orchestrations/runs/{waiting.RunId}/review",
            new ReviewRequest { Decision = ReviewDecision.Approve, Reviewer = "li", Payload = ChinesePayload() with { TotalAmount = 1m } }, McsJson.Options);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);

        var approve = new ReviewRequest { Decision = ReviewDecision.Approve, Reviewer = "li", Payload = ChinesePayload() };
        var approved = await _client.PostAsJsonAsync($"/v1/orchestrations/runs/{waiting.RunId}/review", approve, McsJson.Options);
        var result = await approved.Content.ReadFromJsonAsync<OrchestratorRunResult>(McsJson.Options);
        Assert.Equal(RunStatus.Succeeded, result!.Status);
        Assert.Equal(16000m, result.OrderPayload!.TotalAmount);

        var reject = await _client.PostAsJsonAsync($"/v1/orchestrations/runs/{waiting.RunId}/review",
            new ReviewRequest { Decision = ReviewDecision.Reject, Reviewer = "li", Reason = "no" }, McsJson.Options);
        Assert.Equal(HttpStatusCode.Conflict, reject.StatusCode);
    }

    [Fact]
    public async Task Reject_EndsRejected_WithoutAnOrder()
    {
        _factory.Dify.OrderPayload = ChinesePayload() with { Currency = "USD" };
        var (_, waiting) = await RunAsync(ContractMail("d-5", "m-5@hdjd.com.cn"));

        var response = await _client.PostAsJsonAsync($"/v1/orchestrations/runs/{waiting!.RunId}/review",
            new ReviewRequest { Decision = ReviewDecision.Reject, Reviewer = "li", Reason = "customer cancelled" }, McsJson.Options);
        var result = await response.Content.ReadFromJsonAsync<OrchestratorRunResult>(McsJson.Options);

        Assert.Equal(RunStatus.Rejected, result!.Status);
        Assert.Equal(0, _factory.Erp.Creates);
    }

    [Fact]
    public async Task Erp422_FailsTheRun_AndTellsTheSalesperson()
    {
        _factory.Erp.NextFailure = Support.Fakes.FakeErpGateway.Rejected();

        var (_, result) = await RunAsync(ContractMail("d-6", "m-6@hdjd.com.cn"));

        Assert.Equal(RunStatus.Failed, result!.Status);
        Assert.Contains(result.Errors, e => e.Code == "erp_rejected" && !e.Retryable);
        Assert.Contains(_factory.Smtp.Sent, n => n.Kind == Mcs.Orchestrator.Adapters.Smtp.NotificationKind.Failed);
    }

    [Fact]
    public async Task Replay_ReusesTheLineageKey_SoNoSecondOrder()
    {
        var (_, first) = await RunAsync(ContractMail("d-7", "m-7@hdjd.com.cn"));
        var replay = await _client.PostAsJsonAsync("/v1/orchestrations/sales-email/replay",
            new ReplayRequest { RunId = first!.RunId, FromNode = SalesEmailNodeNames.CallErpGateway }, McsJson.Options);
        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        var accepted = await replay.Content.ReadFromJsonAsync<RunAccepted>(McsJson.Options);

        OrchestratorRunResult? forked = null;
        for (var i = 0; i < 100 && forked?.Status != RunStatus.Succeeded; i++)
        {
            await Task.Delay(100);
            forked = await _client.GetFromJsonAsync<OrchestratorRunResult>($"/v1/orchestrations/runs/{accepted!.RunId}", McsJson.Options);
        }

        Assert.Equal(RunStatus.Succeeded, forked!.Status);
        Assert.Equal(first.RunId, forked.ParentRunId);
        Assert.Equal(first.ErpOrder!.OrderNo, forked.ErpOrder!.OrderNo);
        Assert.Equal(1, _factory.Erp.Creates);
    }

    [Fact]
    public async Task ListByMessageId_AndUnauthenticated_AndBadEvent()
    {
        var (_, run) = await RunAsync(ContractMail("d-8", "m-8@hdjd.com.cn"));
        var page = await _client.GetFromJsonAsync<PagedList<OrchestratorRunResult>>("/v1/orchestrations/runs?message_id=m-8@hdjd.com.cn&status=succeeded", McsJson.Options);
        Assert.Equal([run!.RunId], page!.Items.Select(i => i.RunId));

        using var anonymous = _factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/v1/orchestrations/runs/{run.RunId}")).StatusCode);

        var bad = ContractMail("d-9", "m-9@x") with { Attachments = [Attachment("a.pdf", TextPdf("x")) with { Sha256 = new string('0', 64) }] };
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await _client.PostAsJsonAsync("/v1/orchestrations/sales-email/run", bad, McsJson.Options)).StatusCode);
    }
}
