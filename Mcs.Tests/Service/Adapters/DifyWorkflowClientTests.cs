using System.Diagnostics;
using System.Text.Json.Nodes;
using Mcs.Contracts.MasterData;
using Mcs.Orchestrator.Adapters.Dify;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Mcs.Tests.Service.Adapters;

/// <summary>
/// The Dify client over real HTTP against <see cref="FakeDify"/>, one test per dify-api.md §9 scenario: each ends in
/// success after retry or a classified failure, within a bounded time.
/// </summary>
public sealed class DifyWorkflowClientTests : IAsyncLifetime
{
    private static readonly TimeSpan NoHang = TimeSpan.FromSeconds(30);
    private readonly FakeDify _dify = new();
    private StubServer _server = null!;

    public async Task InitializeAsync() => _server = await StubServer.StartAsync(_dify.Map);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private DifyWorkflowClient Client(DifyResponseMode mode = DifyResponseMode.Streaming, Action<DifyOptions>? tune = null)
    {
        var options = new DifyOptions
        {
            BaseUrl = new Uri(_server.BaseUrl, "v1"),
            ContractKey = FakeDify.ContractKey,
            OrderKey = FakeDify.OrderKey,
            ResponseMode = mode,
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
            RetryMaxDelay = TimeSpan.FromMilliseconds(200),
            StreamIdleTimeout = TimeSpan.FromSeconds(2),
            BlockingAttemptTimeout = TimeSpan.FromSeconds(5),
            RunPollDeadline = TimeSpan.FromMilliseconds(300),
            RunPollInterval = TimeSpan.FromMilliseconds(50),
            OverallDeadline = TimeSpan.FromSeconds(20),
        };
        tune?.Invoke(options);
        return new DifyWorkflowClient(new HttpClient(), Options.Create(options), TimeProvider.System, NullLogger<DifyWorkflowClient>.Instance);
    }

    private static DifyContractInputs Inputs(string uploadId = "5f0c9a64-3b1e-4d0e-9a51-2f2c8e7b1d10") => new()
    {
        ContractPdf = DifyFileInput.LocalFile(uploadId),
        EmailSubject = "采购合同 HT-2026-0042",
        EmailBody = "请查收附件合同。",
        Sender = "buyer@example.cn",
        CustomerHint = "unresolved",
    };

    private Func<HttpContext, JsonObject, Task> Good(string status = "succeeded") =>
        DifyWire.Finish(_dify, status, DifyWire.ContractOutputs(DifyWire.SampleContract()));

    private async Task<DifyOutcome<Mcs.Contracts.Results.DifyContractResult>> RunAsync(DifyWorkflowClient client) =>
        await client.RunContractAsync(Inputs(), CancellationToken.None).WaitAsync(NoHang);

    [Theory]
    [InlineData(DifyResponseMode.Streaming)]
    [InlineData(DifyResponseMode.Blocking)]
    public async Task Succeeded_run_gives_the_normalised_contract(DifyResponseMode mode)
    {
        _dify.Script(Good());

        var outcome = await RunAsync(Client(mode));

        Assert.True(outcome.Succeeded, outcome.Failure?.Message);
        var contract = outcome.Value;
        Assert.Equal("HT-2026-0042", contract.ContractNo);
        Assert.Equal("CNY", contract.Currency);
        Assert.Equal(1234.50m, contract.TotalAmount);
        Assert.Equal(new DateOnly(2026, 11, 3), contract.SignDate);
        Assert.Equal(10m, Assert.Single(contract.LineItems).Quantity);
        Assert.Contains("¥1,234.50", contract.RawOutput, StringComparison.Ordinal);
        Assert.NotNull(outcome.WorkflowRunId);
        var request = Assert.Single(_dify.RunRequests);
        Assert.Equal(mode == DifyResponseMode.Streaming ? "streaming" : "blocking", request["response_mode"]!.GetValue<string>());
        var file = request["inputs"]!["contract_pdf"]!;
        Assert.Equal("document", file["type"]!.GetValue<string>());
        Assert.Equal("local_file", file["transfer_method"]!.GetValue<string>());
    }

    [Fact]
    public async Task Upload_and_run_use_the_same_stable_user()
    {
        _dify.Script(Good());
        var client = Client();

        var upload = await client.UploadFileAsync(new byte[] { 0x25, 0x50, 0x44, 0x46 }, "HT-2026-0042.pdf", "application/pdf", CancellationToken.None);
        Assert.True(upload.Succeeded, upload.Failure?.Message);
        var run = await client.RunContractAsync(Inputs(upload.Value.Id), CancellationToken.None).WaitAsync(NoHang);

        Assert.True(run.Succeeded);
        var request = Assert.Single(_dify.RunRequests);
        Assert.Equal("mcs-orchestrator", request["user"]!.GetValue<string>());
        Assert.Equal(upload.Value.Id, request["inputs"]!["contract_pdf"]!["upload_file_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Remote_url_input_is_sent_as_remote_url_document()
    {
        _dify.Script(Good());
        var url = new Uri("https://mcs.example.com/v1/files/abc?expires=1&sig=x");

        await Client().RunContractAsync(Inputs() with { ContractPdf = DifyFileInput.RemoteUrl(url) }, CancellationToken.None).WaitAsync(NoHang);

        var file = Assert.Single(_dify.RunRequests)["inputs"]!["contract_pdf"]!;
        Assert.Equal("remote_url", file["transfer_method"]!.GetValue<string>());
        Assert.Equal(url.AbsoluteUri, file["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task Run_failed_with_a_transient_error_is_retried_and_succeeds()
    {
        _dify.Script(DifyWire.Finish(_dify, "failed", null, "[openai] Rate limit reached for gpt-4o"), Good());

        var outcome = await RunAsync(Client());

        Assert.True(outcome.Succeeded);
        Assert.Equal(2, outcome.Attempts);
    }

    [Fact]
    public async Task Run_failed_with_a_permanent_error_is_a_run_failure_without_retry()
    {
        _dify.Script(DifyWire.Finish(_dify, "failed", null, "Code node: JSONDecodeError Expecting value: line 1 column 1"));

        var outcome = await RunAsync(Client());

        AssertFailure(outcome, DifyFailureKind.RunFailed, retryable: false);
        Assert.Single(_dify.RunRequests);
    }

    [Fact]
    public async Task Partial_succeeded_is_success_with_a_warning()
    {
        _dify.Script(DifyWire.Finish(_dify, "partial-succeeded", DifyWire.ContractOutputs(DifyWire.SampleContract()), exceptions: 1));

        var outcome = await RunAsync(Client());

        Assert.True(outcome.Succeeded);
        Assert.Contains(outcome.Warnings, warning => warning.Contains("partial-succeeded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Fenced_json_with_prose_is_repaired()
    {
        var text = "Here is the extracted contract:\n```json\n" + DifyWire.SampleContract().ToJsonString() + "\n```\nLet me know if you need more.";
        _dify.Script(DifyWire.Finish(_dify, "succeeded", new JsonObject { ["contract"] = text }));

        var outcome = await RunAsync(Client());

        Assert.True(outcome.Succeeded, outcome.Failure?.Message);
        Assert.Equal("HT-2026-0042", outcome.Value.ContractNo);
        Assert.Equal(text, outcome.Value.RawOutput);
    }

    [Fact]
    public async Task Empty_output_every_time_is_an_invalid_output_failure()
    {
        _dify.Script(DifyWire.Finish(_dify, "succeeded", new JsonObject { ["text"] = "" }));

        var outcome = await RunAsync(Client());

        AssertFailure(outcome, DifyFailureKind.InvalidOutput, retryable: true);
        Assert.Equal(3, _dify.RunRequests.Count);
    }

    [Fact]
    public async Task Unparseable_output_is_not_retried()
    {
        _dify.Script(DifyWire.Finish(_dify, "succeeded", new JsonObject { ["contract"] = "I could not find a contract in this document." }));

        var outcome = await RunAsync(Client());

        AssertFailure(outcome, DifyFailureKind.InvalidOutput, retryable: false);
        Assert.Single(_dify.RunRequests);
    }

    [Fact]
    public async Task Gateway_timeout_html_504_is_retried_and_succeeds()
    {
        _dify.Script(DifyWire.Html(504, "504 Gateway Time-out"), Good());

        var outcome = await RunAsync(Client(DifyResponseMode.Blocking));

        Assert.True(outcome.Succeeded);
        Assert.Equal(2, outcome.Attempts);
    }

    [Fact]
    public async Task Dropped_stream_polls_the_run_stops_the_task_and_retries()
    {
        _dify.Script(DifyWire.DropStream(_dify), Good());

        var outcome = await RunAsync(Client());

        Assert.True(outcome.Succeeded, outcome.Failure?.Message);
        Assert.Equal(2, outcome.Attempts);
        Assert.Single(_dify.StoppedTasks);
    }

    [Fact]
    public async Task Dropped_stream_of_a_run_that_finished_is_resolved_from_the_legacy_run_detail()
    {
        _dify.Script(DifyWire.DropStream(_dify));
        // Legacy shapes: outputs as a JSON string, dates as RFC 822 strings.
        _dify.RunDetailOverride = id => new JsonObject
        {
            ["id"] = id, ["status"] = "succeeded", ["inputs"] = "{}", ["error"] = null,
            ["outputs"] = DifyWire.ContractOutputs(DifyWire.SampleContract()).ToJsonString(),
            ["created_at"] = "Fri, 27 Nov 2026 08:00:00 GMT", ["finished_at"] = "Fri, 27 Nov 2026 08:00:15 GMT",
        };

        var outcome = await RunAsync(Client());

        Assert.True(outcome.Succeeded, outcome.Failure?.Message);
        Assert.Equal(1, outcome.Attempts);
        Assert.Equal("HT-2026-0042", outcome.Value.ContractNo);
    }

    [Fact]
    public async Task Stream_error_event_with_a_transient_code_is_retried()
    {
        _dify.Script(DifyWire.StreamError("completion_request_error", 400, "[openai] Bad gateway"), Good());

        var outcome = await RunAsync(Client());

        Assert.True(outcome.Succeeded);
        Assert.Equal(2, outcome.Attempts);
    }

    [Fact]
    public async Task Stream_error_event_that_persists_ends_unavailable()
    {
        _dify.Script(DifyWire.StreamError("internal_server_error", 500, "The server encountered an internal error"));

        var outcome = await RunAsync(Client());

        AssertFailure(outcome, DifyFailureKind.Unavailable, retryable: true);
        Assert.Equal(3, outcome.Attempts);
    }

    [Fact]
    public async Task Rate_limited_429_honours_retry_after_then_succeeds()
    {
        _dify.Script(DifyWire.HttpError(429, "too_many_requests", "Too many requests. Please try again later.", retryAfterSeconds: 1), Good());
        var watch = Stopwatch.StartNew();

        var outcome = await RunAsync(Client(tune: options => options.RetryMaxDelay = TimeSpan.FromSeconds(5)));

        Assert.True(outcome.Succeeded);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(900), $"waited only {watch.Elapsed}");
    }

    [Fact]
    public async Task Provider_rate_limit_that_persists_is_a_retryable_rate_limit_failure()
    {
        _dify.Script(DifyWire.HttpError(429, "rate_limit_error", "Rate Limit Error"));

        var outcome = await RunAsync(Client());

        AssertFailure(outcome, DifyFailureKind.RateLimited, retryable: true);
        Assert.Equal(3, outcome.Attempts);
    }

    [Fact]
    public async Task Edge_429_html_is_retried_and_succeeds()
    {
        _dify.Script(DifyWire.Html(429, "Error 1015: You are being rate limited"), Good());

        var outcome = await RunAsync(Client());

        Assert.True(outcome.Succeeded);
    }

    [Theory]
    [InlineData("provider_not_initialize", "No valid model provider credentials found.")]
    [InlineData("provider_quota_exceeded", "Your quota for Dify Hosted Model Provider has been exhausted.")]
    public async Task Provider_configuration_errors_fail_at_once(string code, string message)
    {
        _dify.Script(DifyWire.HttpError(400, code, message));

        var outcome = await RunAsync(Client());

        AssertFailure(outcome, DifyFailureKind.Configuration, retryable: false);
        Assert.Equal(code, outcome.Failure!.DifyCode);
        Assert.Single(_dify.RunRequests);
    }

    [Fact]
    public async Task Remote_url_unreachable_is_retried_then_reported_as_retryable_invalid_request()
    {
        _dify.Script(DifyWire.HttpError(400, "invalid_param", "Reached maximum retries (3) for URL https://mcs.example.com/v1/files/abc"));

        var outcome = await RunAsync(Client());

        AssertFailure(outcome, DifyFailureKind.InvalidRequest, retryable: true);
        Assert.Equal(3, outcome.Attempts);
    }

    [Fact]
    public async Task Remote_url_404_at_the_node_is_a_permanent_run_failure()
    {
        _dify.Script(DifyWire.Finish(_dify, "failed", null, "Error downloading file: Client error '404 Not Found' for url 'http://localhost/files/x'"));

        var outcome = await RunAsync(Client());

        AssertFailure(outcome, DifyFailureKind.RunFailed, retryable: false);
    }

    [Fact]
    public async Task Type_mismatch_is_an_invalid_request_without_retry()
    {
        _dify.Script(DifyWire.HttpError(400, "invalid_param", "Detected file type does not match the specified type. Please verify the file."));

        var outcome = await RunAsync(Client());

        AssertFailure(outcome, DifyFailureKind.InvalidRequest, retryable: false);
        Assert.Single(_dify.RunRequests);
    }

    [Fact]
    public async Task Server_500_is_retried_and_succeeds()
    {
        _dify.Script(DifyWire.HttpError(500, "internal_server_error", "The server encountered an internal error"), Good());

        var outcome = await RunAsync(Client());

        Assert.True(outcome.Succeeded);
    }

    [Fact]
    public async Task Slow_streamed_run_kept_alive_by_pings_succeeds_in_one_attempt()
    {
        _dify.Script(DifyWire.Slow(TimeSpan.FromMilliseconds(1500), TimeSpan.FromMilliseconds(100), Good()));

        var outcome = await RunAsync(Client(tune: options => options.StreamIdleTimeout = TimeSpan.FromMilliseconds(500)));

        Assert.True(outcome.Succeeded, outcome.Failure?.Message);
        Assert.Equal(1, outcome.Attempts);
    }

    [Fact]
    public async Task Slow_blocking_run_past_the_attempt_timeout_is_retried()
    {
        _dify.Script(DifyWire.Slow(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1), Good()), Good());

        var outcome = await RunAsync(Client(DifyResponseMode.Blocking, options => options.BlockingAttemptTimeout = TimeSpan.FromMilliseconds(300)));

        Assert.True(outcome.Succeeded, outcome.Failure?.Message);
        Assert.Equal(2, outcome.Attempts);
    }

    [Fact]
    public async Task A_server_that_never_answers_ends_at_the_overall_deadline()
    {
        _dify.Script(DifyWire.Slow(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1), Good()));
        var watch = Stopwatch.StartNew();

        var outcome = await RunAsync(Client(DifyResponseMode.Blocking, options =>
        {
            options.BlockingAttemptTimeout = TimeSpan.FromSeconds(10);
            options.OverallDeadline = TimeSpan.FromSeconds(1);
        }));

        AssertFailure(outcome, DifyFailureKind.Unavailable, retryable: true);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task Wrong_key_is_a_configuration_failure()
    {
        var outcome = await RunAsync(Client(tune: options => options.ContractKey = "app-wrong"));

        AssertFailure(outcome, DifyFailureKind.Configuration, retryable: false);
        Assert.Equal(401, outcome.Failure!.HttpStatus);
    }

    [Fact]
    public async Task Order_payload_run_sends_json_string_inputs_and_parses_the_payload()
    {
        var payload = new JsonObject
        {
            ["order_date"] = "2026/11/3", ["currency"] = "RMB", ["contract_no"] = "HT-2026-0042", ["total_amount"] = "1,234.50",
            ["lines"] = new JsonArray(new JsonObject { ["line_no"] = 1, ["sku"] = "BRG-6204", ["quantity"] = 10, ["unit"] = "pcs", ["unit_price"] = "123.45" }),
        };
        _dify.Script(DifyWire.Finish(_dify, "succeeded", new JsonObject { ["order_payload"] = "```json\n" + payload.ToJsonString() + "\n```" }));
        var inputs = new DifyOrderInputs
        {
            Contract = new Mcs.Contracts.Results.DifyContractResult { ContractNo = "HT-2026-0042", BuyerName = "b", SellerName = "s", Currency = "CNY", TotalAmount = 1234.5m },
            Customer = new Customer { CustomerId = "c1", CustomerNum = "C-001", Name = "上海某某机械有限公司", SalesOwnerEmail = "sales@example.com", Currency = "CNY" },
            Company = new Company { CompanyId = "co1", Code = "1000", Name = "MCS Trading GmbH" },
        };

        var outcome = await Client().RunOrderPayloadAsync(inputs, CancellationToken.None).WaitAsync(NoHang);

        Assert.True(outcome.Succeeded, outcome.Failure?.Message);
        Assert.Equal("CNY", outcome.Value.Currency);
        Assert.Equal(new DateOnly(2026, 11, 3), outcome.Value.OrderDate);
        Assert.Equal(1234.45m + 0.05m, outcome.Value.TotalAmount);
        Assert.Equal(1234.50m, Assert.Single(outcome.Value.Lines).Amount);
        var request = Assert.Single(_dify.RunRequests);
        Assert.Equal(FakeDify.OrderKey, request["_key"]!.GetValue<string>());
        Assert.Contains("\"customer_num\":\"C-001\"", request["inputs"]!["customer"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static void AssertFailure<T>(DifyOutcome<T> outcome, DifyFailureKind kind, bool retryable)
        where T : class
    {
        Assert.False(outcome.Succeeded);
        Assert.Equal(kind, outcome.Failure.Kind);
        Assert.Equal(retryable, outcome.Failure.Retryable);
        Assert.StartsWith("dify_", outcome.Failure.Code, StringComparison.Ordinal);
    }
}
