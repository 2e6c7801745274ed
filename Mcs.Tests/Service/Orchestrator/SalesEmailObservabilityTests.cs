using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Mcs.Contracts;
using Mcs.Contracts.Runs;
using Mcs.Orchestrator.Adapters.Dify;
using Mcs.Orchestrator.Adapters.Smtp;
using Mcs.Orchestrator.Graphs.SalesEmail;
using Mcs.Tests.Support;
using Mcs.Tests.Support.Fakes;
using Microsoft.Extensions.DependencyInjection;
using N = Mcs.Orchestrator.Graphs.SalesEmail.SalesEmailNodeNames;
using static Mcs.Tests.Service.Orchestrator.OrchestratorApi;
using static Mcs.Tests.Unit.SalesEmail.SalesEmailTestData;

namespace Mcs.Tests.Service.Orchestrator;

/// <summary>What an operator reads about runs: the audit trail (complete and redacted), the metrics, and who is told when no salesperson is known.</summary>
public sealed class SalesEmailObservabilityTests : IAsyncLifetime
{
    private const string Phone = "13812345678";
    private const string SenderAddress = "wang.fang@hdjd.com.cn";

    private OrchestratorFactory _factory = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _factory = new OrchestratorFactory(await TestPostgres.CreateDatabaseAsync("orch_obs"));
        _factory.Dify.Contract = ChineseContract() with { PaymentTerms = $"货到付款，联系人王芳 {Phone} {SenderAddress}" };
        _factory.Dify.OrderPayload = ChinesePayload() with { PaymentTerms = $"30 days, call {Phone}" };
        _client = _factory.Client();
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Audit_HasOneEventPerNodeAttempt_WithAnInputDigest_AndNoAddressOrPhone()
    {
        // One transient Dify fault, so call_dify_contract has two attempts in the trail.
        _factory.Dify.ContractFailure = FakeDifyWorkflowClient.Failure(DifyErrorCodes.Unavailable, retryable: true);
        _factory.Dify.ContractFailureCount = 1;
        var run = await _client.RunToSettledAsync(ContractMail("d-audit", "audit@hdjd.com.cn", body: $"王经理：附件是合同。电话 {Phone}，邮箱 {SenderAddress}"));
        Assert.Equal(RunStatus.Succeeded, run.Status);

        var json = await _client.GetStringAsync($"/v1/orchestrations/runs/{run.RunId}/audit");
        var events = System.Text.Json.JsonSerializer.Deserialize<PagedList<AuditEvent>>(json, McsJson.Options)!.Items;
        // Node attempts; the engine adds its own events too (a lease taken over, an interrupt), which are not attempts.
        var audit = events.Where(a => a.Outcome is "node_completed" or "node_failed").ToArray();
        var trail = string.Join("; ", events.Select(a => $"{a.Node}#{a.Attempt}:{a.Outcome}"));

        string[] expected =
        [
            N.CheckIdempotency, N.LoadMasterdata, N.MatchContact, N.DetectContractSignal, N.MatchCustomer, N.UploadPdf,
            N.CallDifyContract, N.CallDifyContract, N.ResolveCustomerFromContract, N.CallDifyOrderPayload, N.ValidateOrder,
            N.CallErpGateway, N.NotifySales, N.Finalize,
        ];
        Assert.True(expected.SequenceEqual(audit.Select(a => a.Node)), trail);
        Assert.Equal(audit.Length, audit.Select(a => (a.Node, a.Attempt)).Distinct().Count());
        var dify = audit.Where(a => a.Node == N.CallDifyContract).ToArray();
        Assert.Equal([(1, "node_failed", DifyErrorCodes.Unavailable), (2, "node_completed", null)], dify.Select(a => (a.Attempt, a.Outcome, a.ErrorCode)));
        // The engine writes the input digest with a completed attempt; a failed attempt that is retried has none yet
        // (GraphStore's retry insert carries no digest; reported as an engine gap).
        Assert.All(audit.Where(a => a.Outcome == "node_completed"), a => Assert.StartsWith("sha256:", a.InputDigest, StringComparison.Ordinal));
        Assert.All(audit, a => Assert.True(a.DurationMs >= 0));
        // The contract's extraction is in the trail (what the reviewer needs), its personal data is not.
        Assert.Contains(audit, a => a.Node == N.CallDifyContract && a.Output?.GetProperty("contract").GetProperty("contract_no").GetString() == "HD-2026-118");
        Assert.DoesNotContain(SenderAddress, json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("li.lei@mcs-sales.cn", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Phone, json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_CountRunsByFinalStatus_AndTouchlessRuns()
    {
        var meterFactory = _factory.Services.GetRequiredService<IMeterFactory>();
        var counters = new ConcurrentDictionary<string, long>();
        using var listener = new MeterListener();
        // Only this factory's meter: other test classes run their own orchestrators in the same process.
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == SalesEmailMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, meterFactory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var status = "";
            foreach (var tag in tags)
            {
                status = tag.Key == "status" ? "{" + tag.Value + "}" : status;
            }
            counters.AddOrUpdate(instrument.Name + status, value, (_, sum) => sum + value);
        });
        listener.Start();

        var touchless = await _client.RunToSettledAsync(ContractMail("d-m-1", "m-1@hdjd.com.cn"));
        var lines = ChinesePayload().Lines.ToArray();
        lines[0] = lines[0] with { UnitPrice = 1500m, Amount = 15000m };
        _factory.Dify.OrderPayload = ChinesePayload() with { Lines = lines, TotalAmount = 19000m };
        var reviewed = await _client.RunToSettledAsync(ContractMail("d-m-2", "m-2@hdjd.com.cn"));
        var approved = await _client.ReviewAsync(reviewed.RunId, new ReviewRequest { Decision = ReviewDecision.Approve, Reviewer = "li" });
        var rejectedWait = await _client.RunToSettledAsync(ContractMail("d-m-3", "m-3@hdjd.com.cn"));
        var rejected = await _client.ReviewAsync(rejectedWait.RunId, new ReviewRequest { Decision = ReviewDecision.Reject, Reviewer = "li", Reason = "wrong price" });
        var ignored = await _client.RunToSettledAsync(Email("d-m-4", "m-4@x.example|news@x.example", "news@x.example", "Newsletter", "Hello"));

        Assert.Equal([RunStatus.Succeeded, RunStatus.Succeeded, RunStatus.Rejected, RunStatus.Ignored], [touchless.Status, approved.Status, rejected.Status, ignored.Status]);
        listener.RecordObservableInstruments();
        Assert.Equal(2, counters.GetValueOrDefault("mcs.orchestrator.runs.finished{succeeded}"));
        Assert.Equal(1, counters.GetValueOrDefault("mcs.orchestrator.runs.finished{rejected}"));
        Assert.Equal(1, counters.GetValueOrDefault("mcs.orchestrator.runs.finished{ignored}"));
        // Touchless rate = touchless ÷ with_contract = 1 ÷ 3: the approved run needed a person, the newsletter had no contract.
        Assert.Equal(3, counters.GetValueOrDefault("mcs.orchestrator.runs.with_contract"));
        Assert.Equal(1, counters.GetValueOrDefault("mcs.orchestrator.runs.touchless"));
    }

    [Fact]
    public async Task ReviewNeeded_WithTheCustomerUnresolved_GoesToTheReviewInbox()
    {
        _factory.Dify.Contract = ChineseContract() with { BuyerName = "深圳某某电子有限公司" };
        var mail = ContractMail("d-inbox", "inbox@gmail.com", from: "boss@gmail.com");

        var run = await _client.RunToSettledAsync(mail);

        Assert.Equal(RunStatus.WaitingReview, run.Status);
        Assert.False(run.Customer!.Matched);
        var told = Assert.Single(_factory.Smtp.Sent);
        Assert.Equal(NotificationKind.ReviewNeeded, told.Kind);
        Assert.Equal("sales-review@mcs.local", told.To);
        Assert.DoesNotContain(run.Warnings, w => w.StartsWith("notification_not_sent", StringComparison.Ordinal));
    }
}
