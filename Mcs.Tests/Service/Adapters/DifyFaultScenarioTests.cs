using System.Diagnostics;
using Mcs.Orchestrator.Adapters.Dify;
using Mcs.Tests.Service.Mocks;
using static Mcs.Orchestrator.Adapters.Dify.DifyResponseMode;

namespace Mcs.Tests.Service.Adapters;

/// <summary>
/// Every dify-api.md §9 scenario, scripted through <c>PUT /_mock/dify/scripts</c> and played by the real Mcs.Mocks over
/// real HTTP to the real <see cref="DifyWorkflowClient"/>, in streaming and blocking mode: each ends in success after
/// retry or in a classified failure (a <see cref="DifyErrorCodes"/> code), within a bounded time — never a hang or an
/// exception. The stand-in's call log is the wire's count of attempts.
/// </summary>
public sealed class DifyFaultScenarioTests(MocksFixture fixture) : IClassFixture<MocksFixture>, IAsyncLifetime
{
    private const string ContractNo = "SC-ADAPTER-0042";
    private readonly DifyOnMocks _dify = new(fixture.Server);

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync()
    {
        _dify.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("run_failed", Streaming)]
    [InlineData("run_failed", Blocking)]
    [InlineData("empty_output", Streaming)]
    [InlineData("empty_output", Blocking)]
    [InlineData("stream_error", Streaming)]
    [InlineData("stream_error", Blocking)]
    [InlineData("rate_limited", Streaming)]
    [InlineData("rate_limited", Blocking)]
    [InlineData("provider_rate_limit", Streaming)]
    [InlineData("provider_rate_limit", Blocking)]
    [InlineData("edge_429_html", Streaming)]
    [InlineData("edge_429_html", Blocking)]
    [InlineData("server_500", Streaming)]
    [InlineData("server_500", Blocking)]
    [InlineData("remote_url_unreachable", Streaming)]
    [InlineData("remote_url_unreachable", Blocking)]
    [InlineData("drop_stream", Streaming)]
    [InlineData("drop_stream", Blocking)]
    [InlineData("gateway_timeout", Blocking)]
    public async Task A_transient_fault_once_is_retried_and_the_next_run_succeeds(string fault, DifyResponseMode mode)
    {
        // One scripted fault; after it the script is used up and the stand-in extracts the PDF itself.
        await _dify.ScriptContractAsync(false, DifyOnMocks.Fault(fault, delayMs: 200));

        var outcome = await _dify.UploadAndRunAsync(_dify.Client(mode));

        Assert.True(outcome.Succeeded, outcome.Failure?.Message);
        Assert.Equal(ContractNo, outcome.Value.ContractNo);
        Assert.Equal("EUR", outcome.Value.Currency);
        Assert.Equal(5050.00m, outcome.Value.TotalAmount);
        Assert.Equal(2, outcome.Attempts);
        Assert.Equal([fault, "unscripted"], (await _dify.RunCallsAsync()).Select(call => call["answer"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("run_failed", Streaming, DifyFailureKind.RunFailed)]
    [InlineData("run_failed", Blocking, DifyFailureKind.RunFailed)]
    [InlineData("empty_output", Streaming, DifyFailureKind.InvalidOutput)]
    [InlineData("stream_error", Streaming, DifyFailureKind.Unavailable)]
    [InlineData("stream_error", Blocking, DifyFailureKind.Unavailable)]
    [InlineData("rate_limited", Streaming, DifyFailureKind.RateLimited)]
    [InlineData("provider_rate_limit", Blocking, DifyFailureKind.RateLimited)]
    [InlineData("edge_429_html", Streaming, DifyFailureKind.RateLimited)]
    [InlineData("server_500", Blocking, DifyFailureKind.Unavailable)]
    [InlineData("remote_url_unreachable", Streaming, DifyFailureKind.InvalidRequest)]
    [InlineData("drop_stream", Streaming, DifyFailureKind.Unavailable)]
    [InlineData("drop_stream", Blocking, DifyFailureKind.Unavailable)]
    [InlineData("gateway_timeout", Blocking, DifyFailureKind.Unavailable)]
    public async Task A_transient_fault_that_persists_ends_in_a_retryable_classified_failure(string fault, DifyResponseMode mode, DifyFailureKind kind)
    {
        await _dify.ScriptContractAsync(true, DifyOnMocks.Fault(fault, delayMs: 200));

        var outcome = await _dify.UploadAndRunAsync(_dify.Client(mode));

        AssertFailure(outcome, kind, retryable: true);
        Assert.Equal(3, outcome.Attempts);
        Assert.Equal(3, (await _dify.RunCallsAsync()).Count);
    }

    [Theory]
    [InlineData("provider_not_init", Streaming, DifyFailureKind.Configuration, "provider_not_initialize")]
    [InlineData("provider_not_init", Blocking, DifyFailureKind.Configuration, "provider_not_initialize")]
    [InlineData("quota", Streaming, DifyFailureKind.Configuration, "provider_quota_exceeded")]
    [InlineData("quota", Blocking, DifyFailureKind.Configuration, "provider_quota_exceeded")]
    [InlineData("type_mismatch", Streaming, DifyFailureKind.InvalidRequest, "invalid_param")]
    [InlineData("type_mismatch", Blocking, DifyFailureKind.InvalidRequest, "invalid_param")]
    [InlineData("remote_url_404_at_node", Streaming, DifyFailureKind.RunFailed, "failed")]
    [InlineData("remote_url_404_at_node", Blocking, DifyFailureKind.RunFailed, "failed")]
    [InlineData("partial", Streaming, DifyFailureKind.InvalidOutput, null)]
    [InlineData("partial", Blocking, DifyFailureKind.InvalidOutput, null)]
    public async Task A_permanent_fault_is_a_classified_failure_without_retry(string fault, DifyResponseMode mode, DifyFailureKind kind, string? difyCode)
    {
        await _dify.ScriptContractAsync(true, DifyOnMocks.Fault(fault));

        var outcome = await _dify.UploadAndRunAsync(_dify.Client(mode));

        AssertFailure(outcome, kind, retryable: false);
        Assert.Equal(difyCode, outcome.Failure!.DifyCode);
        Assert.Equal(1, outcome.Attempts);
        Assert.Single(await _dify.RunCallsAsync());
    }

    [Theory]
    [InlineData(Streaming)]
    [InlineData(Blocking)]
    public async Task Fenced_json_with_prose_around_it_is_repaired(DifyResponseMode mode)
    {
        await _dify.ScriptContractAsync(false, DifyOnMocks.Fault("fenced_json"));

        var outcome = await _dify.UploadAndRunAsync(_dify.Client(mode));

        Assert.True(outcome.Succeeded, outcome.Failure?.Message);
        Assert.Equal(1, outcome.Attempts);
        Assert.Equal(ContractNo, outcome.Value.ContractNo);
        Assert.Equal(2, outcome.Value.LineItems.Count);
        Assert.Contains("```json", outcome.Value.RawOutput, StringComparison.Ordinal);
        Assert.StartsWith("Sure!", outcome.Value.RawOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slow_streamed_run_kept_alive_by_pings_succeeds_in_one_attempt()
    {
        // 6 s of LLM "work" against a 2 s idle timeout: only the stand-in's pings (every 200 ms) keep it alive.
        await _dify.ScriptContractAsync(false, DifyOnMocks.Fault("slow", delayMs: 6000));

        var outcome = await _dify.UploadAndRunAsync(_dify.Client(Streaming, new Dictionary<string, string> { ["Dify:StreamIdleTimeout"] = "00:00:02" }));

        Assert.True(outcome.Succeeded, outcome.Failure?.Message);
        Assert.Equal(1, outcome.Attempts);
        Assert.Equal(ContractNo, outcome.Value.ContractNo);
    }

    [Fact]
    public async Task A_slow_blocking_run_past_the_attempt_timeout_is_retried()
    {
        await _dify.ScriptContractAsync(false, DifyOnMocks.Fault("slow", delayMs: 15_000));

        var outcome = await _dify.UploadAndRunAsync(_dify.Client(Blocking, new Dictionary<string, string> { ["Dify:BlockingAttemptTimeout"] = "00:00:03" }));

        Assert.True(outcome.Succeeded, outcome.Failure?.Message);
        Assert.Equal(2, outcome.Attempts);
        Assert.Equal(["slow", "unscripted"], (await _dify.RunCallsAsync()).Select(call => call["answer"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_run_that_never_answers_ends_at_the_overall_deadline_not_in_a_hang()
    {
        await _dify.ScriptContractAsync(true, DifyOnMocks.Fault("slow", delayMs: 60_000));
        var client = _dify.Client(Blocking, new Dictionary<string, string>
        {
            ["Dify:BlockingAttemptTimeout"] = "00:00:30",
            ["Dify:OverallDeadline"] = "00:00:02",
        });
        var watch = Stopwatch.StartNew();

        var outcome = await _dify.UploadAndRunAsync(client);

        AssertFailure(outcome, DifyFailureKind.Unavailable, retryable: true);
        Assert.Contains("deadline", outcome.Failure!.Message, StringComparison.Ordinal);
        // Generous bound for a loaded machine; without the deadline this would wait the 30 s attempt timeout.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task A_streamed_run_cut_by_a_gateway_is_resolved_from_the_run_detail_without_a_second_run()
    {
        await _dify.ScriptContractAsync(false, DifyOnMocks.Fault("gateway_timeout", delayMs: 200));

        var outcome = await _dify.UploadAndRunAsync(_dify.Client(Streaming));

        Assert.True(outcome.Succeeded, outcome.Failure?.Message);
        Assert.Equal(1, outcome.Attempts);
        Assert.Equal(ContractNo, outcome.Value.ContractNo);
        var call = Assert.Single(await _dify.RunCallsAsync());
        Assert.Equal(call["workflow_run_id"]!.GetValue<string>(), outcome.WorkflowRunId);
    }

    [Fact]
    public async Task A_lost_stream_resolved_from_a_legacy_run_detail_still_gives_the_contract()
    {
        // The first run switches the app to legacy shapes (outputs as a JSON string, RFC-822 dates); the second is
        // cut by a gateway, so its result can only come from the legacy GET run detail.
        await _dify.ScriptContractAsync(false, DifyOnMocks.Fault("legacy_shapes"), DifyOnMocks.Fault("gateway_timeout", delayMs: 200));
        var client = _dify.Client(Streaming);

        var first = await _dify.UploadAndRunAsync(client);
        var second = await _dify.UploadAndRunAsync(client);

        Assert.True(first.Succeeded, first.Failure?.Message);
        Assert.True(second.Succeeded, second.Failure?.Message);
        Assert.Equal(1, second.Attempts);
        Assert.Equal(ContractNo, second.Value.ContractNo);
        Assert.Equal(5050.00m, second.Value.TotalAmount);
        var detail = await _dify.RunDetailAsync(second.WorkflowRunId!, Support.TestKeys.DifyContractKey);
        Assert.Equal(System.Text.Json.JsonValueKind.String, detail["outputs"]!.GetValueKind());
    }

    private static void AssertFailure<T>(DifyOutcome<T> outcome, DifyFailureKind kind, bool retryable)
        where T : class
    {
        Assert.False(outcome.Succeeded, "expected a classified failure");
        Assert.Equal(kind, outcome.Failure.Kind);
        Assert.Equal(retryable, outcome.Failure.Retryable);
        var expectedCode = kind switch
        {
            DifyFailureKind.Configuration => DifyErrorCodes.Configuration,
            DifyFailureKind.InvalidRequest => DifyErrorCodes.InvalidRequest,
            DifyFailureKind.RateLimited => DifyErrorCodes.RateLimited,
            DifyFailureKind.RunFailed => DifyErrorCodes.RunFailed,
            DifyFailureKind.InvalidOutput => DifyErrorCodes.InvalidOutput,
            _ => DifyErrorCodes.Unavailable,
        };
        Assert.Equal(expectedCode, outcome.Failure.Code);
    }
}
