using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Mcs.Tests.Support;

namespace Mcs.Tests.Service.Mocks;

/// <summary>Each scenario of dify-api.md §9, scripted through the admin API, as a client sees it on the wire.</summary>
public sealed class DifyFaultTests(MocksFixture fixture) : IClassFixture<MocksFixture>, IAsyncLifetime
{
    private const string User = "mcs-orchestrator";
    private static readonly byte[] Pdf = SamplePdf.EnglishContract("SC-FAULT-1");
    private static readonly string PdfSha = Convert.ToHexStringLower(SHA256.HashData(Pdf));
    private MocksServer Server => fixture.Server;

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("rate_limited", 429, "too_many_requests")]
    [InlineData("provider_rate_limit", 429, "rate_limit_error")]
    [InlineData("edge_429_html", 429, null)]
    [InlineData("provider_not_init", 400, "provider_not_initialize")]
    [InlineData("quota", 400, "provider_quota_exceeded")]
    [InlineData("remote_url_unreachable", 400, "invalid_param")]
    [InlineData("type_mismatch", 400, "invalid_param")]
    [InlineData("server_500", 500, "internal_server_error")]
    public async Task Refusals_are_http_errors_before_any_stream_in_both_modes(string fault, int status, string? code)
    {
        foreach (var mode in new[] { "blocking", "streaming" })
        {
            using var response = await RunWithFaultAsync(fault, mode);

            Assert.Equal(status, (int)response.StatusCode);
            var text = await response.Content.ReadAsStringAsync();
            if (code is null)
            {
                Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
                Assert.Contains("1015", text, StringComparison.Ordinal);
            }
            else
            {
                var error = JsonNode.Parse(text)!;
                Assert.Equal(code, error["code"]!.GetValue<string>());
                Assert.Equal(status, error["status"]!.GetValue<int>());
            }
        }
    }

    [Fact]
    public async Task Run_failed_is_http_200_with_status_failed_in_both_modes()
    {
        using var blocking = await RunWithFaultAsync("run_failed", "blocking");
        var data = JsonNode.Parse(await blocking.Content.ReadAsStringAsync())!["data"]!;
        using var streaming = await RunWithFaultAsync("run_failed", "streaming");
        var finished = SseEvents.Parse(await streaming.Content.ReadAsStringAsync()).Data[^1];

        Assert.Equal(HttpStatusCode.OK, blocking.StatusCode);
        Assert.Equal("failed", data["status"]!.GetValue<string>());
        Assert.Contains("Rate limit", data["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("workflow_finished", finished["event"]!.GetValue<string>());
        Assert.Equal("failed", finished["data"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Partial_is_partial_succeeded_with_an_exception_and_missing_fields()
    {
        using var response = await RunWithFaultAsync("partial", "streaming");
        var finished = SseEvents.Parse(await response.Content.ReadAsStringAsync()).Data[^1]["data"]!;

        Assert.Equal("partial-succeeded", finished["status"]!.GetValue<string>());
        Assert.Equal(1, finished["exceptions_count"]!.GetValue<int>());
        var contract = finished["outputs"]!["contract"]!.AsObject();
        Assert.Equal(2, contract.Count);
        Assert.Null(contract["line_items"]);
    }

    [Fact]
    public async Task Fenced_json_wraps_the_output_string_in_a_code_fence_and_prose()
    {
        using var response = await RunWithFaultAsync("fenced_json", "blocking");
        var output = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["data"]!["outputs"]!["contract"]!.GetValue<string>();

        Assert.StartsWith("Sure!", output, StringComparison.Ordinal);
        Assert.Contains("```json\n{", output, StringComparison.Ordinal);
        Assert.Contains("\"SC-FAULT-1\"", output, StringComparison.Ordinal);
        Assert.EndsWith("adjusted.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_output_succeeds_with_only_an_empty_text()
    {
        using var response = await RunWithFaultAsync("empty_output", "blocking");
        var data = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["data"]!;

        Assert.Equal("succeeded", data["status"]!.GetValue<string>());
        Assert.Equal("{\"text\":\"\"}", data["outputs"]!.ToJsonString());
    }

    [Fact]
    public async Task Slow_streams_pings_while_waiting_and_blocking_stays_silent_until_done()
    {
        var watch = Stopwatch.StartNew();
        using var streaming = await RunWithFaultAsync("slow", "streaming", delayMs: 900);
        var events = SseEvents.Parse(await streaming.Content.ReadAsStringAsync());
        using var blocking = await RunWithFaultAsync("slow", "blocking", delayMs: 900);
        var data = JsonNode.Parse(await blocking.Content.ReadAsStringAsync())!["data"]!;

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(1800));
        Assert.True(events.Pings >= 4, $"expected pings every 200 ms during 900 ms, saw {events.Pings}");
        Assert.Equal("workflow_finished", events.Names[^1]);
        Assert.Equal("succeeded", data["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Gateway_timeout_is_an_html_504_while_the_run_completes_in_the_store()
    {
        using var blocking = await RunWithFaultAsync("gateway_timeout", "blocking", delayMs: 100);

        Assert.Equal(HttpStatusCode.GatewayTimeout, blocking.StatusCode);
        Assert.Equal("text/html", blocking.Content.Headers.ContentType!.MediaType);
        Assert.Equal("succeeded", (await LastRunDetailAsync())["status"]!.GetValue<string>());

        var (events, cut) = await StreamUntilCutAsync("gateway_timeout");
        Assert.True(cut || !events.Names.Contains("workflow_finished"));
        Assert.DoesNotContain("workflow_finished", events.Names);
        Assert.Equal("succeeded", (await LastRunDetailAsync())["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Drop_stream_ends_without_workflow_finished_and_the_run_stays_running()
    {
        var (events, _) = await StreamUntilCutAsync("drop_stream");

        Assert.Equal("workflow_started", events.Names[0]);
        Assert.DoesNotContain("workflow_finished", events.Names);
        Assert.Equal("running", (await LastRunDetailAsync())["status"]!.GetValue<string>());
        await Assert.ThrowsAnyAsync<HttpRequestException>(async () => (await RunWithFaultAsync("drop_stream", "blocking")).Dispose());
    }

    [Fact]
    public async Task Stream_error_is_an_error_event_without_task_id_and_a_400_when_blocking()
    {
        using var streaming = await RunWithFaultAsync("stream_error", "streaming");
        var last = SseEvents.Parse(await streaming.Content.ReadAsStringAsync()).Data[^1];
        using var blocking = await RunWithFaultAsync("stream_error", "blocking");

        Assert.Equal("error", last["event"]!.GetValue<string>());
        Assert.Equal("completion_request_error", last["code"]!.GetValue<string>());
        Assert.Null(last["task_id"]);
        Assert.Null(last["data"]);
        Assert.Equal(HttpStatusCode.BadRequest, blocking.StatusCode);
        Assert.Equal("completion_request_error", JsonNode.Parse(await blocking.Content.ReadAsStringAsync())!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Remote_url_404_at_node_is_a_failed_run_naming_the_download()
    {
        using var response = await RunWithFaultAsync("remote_url_404_at_node", "streaming");
        var events = SseEvents.Parse(await response.Content.ReadAsStringAsync());

        var failedNode = events.Data.Single(e => e["event"]!.GetValue<string>() == "node_finished" && e["data"]!["status"]!.GetValue<string>() == "failed");
        Assert.Equal("document-extractor", failedNode["data"]!["node_type"]!.GetValue<string>());
        Assert.StartsWith("Error downloading file: Client error '404 Not Found'", events.Data[^1]["data"]!["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Legacy_shapes_make_get_run_answer_string_outputs_rfc822_dates_and_200_nulls()
    {
        using var response = await RunWithFaultAsync("legacy_shapes", "blocking");
        var runId = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["workflow_run_id"]!.GetValue<string>();
        using var dify = Server.Dify(TestKeys.DifyContractKey);

        var detail = JsonNode.Parse(await dify.GetStringAsync($"workflows/run/{runId}"))!;
        using var unknown = await dify.GetAsync($"workflows/run/{Guid.NewGuid()}");

        Assert.Contains("SC-FAULT-1", detail["outputs"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Matches(@"^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} -0000$", detail["created_at"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Null(JsonNode.Parse(await unknown.Content.ReadAsStringAsync())!["id"]);
    }

    [Fact]
    public async Task Stop_ends_an_in_flight_streamed_run_as_stopped()
    {
        var uploadId = await Server.UploadAsync(Pdf, User);
        await Server.PutScriptAsync(Script("slow", 5_000));
        using var dify = Server.Dify(TestKeys.DifyContractKey);
        using var request = new HttpRequestMessage(HttpMethod.Post, "workflows/run") { Content = MocksServer.Json(MocksServer.ContractRun(uploadId, User, "streaming")) };
        using var response = await dify.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        string? taskId = null;
        while (taskId is null && await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                taskId = JsonNode.Parse(line[6..])!["task_id"]!.GetValue<string>();
            }
        }
        var watch = Stopwatch.StartNew();

        using var stop = await dify.PostAsync($"workflows/tasks/{taskId}/stop", MocksServer.Json(new JsonObject { ["user"] = User }));
        var rest = SseEvents.Parse(await reader.ReadToEndAsync());

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(4));
        Assert.Equal("stopped", rest.Data[^1]["data"]!["status"]!.GetValue<string>());
    }

    private async Task<HttpResponseMessage> RunWithFaultAsync(string fault, string mode, int? delayMs = null)
    {
        var uploadId = await Server.UploadAsync(Pdf, User);
        await Server.PutScriptAsync(Script(fault, delayMs));
        using var dify = Server.Dify(TestKeys.DifyContractKey);
        return await dify.PostAsync("workflows/run", MocksServer.Json(MocksServer.ContractRun(uploadId, User, mode)));
    }

    private static JsonObject Script(string fault, int? delayMs)
    {
        var response = new JsonObject { ["fault"] = fault };
        if (delayMs is { } delay)
        {
            response["delay_ms"] = delay;
        }
        return new JsonObject
        {
            ["workflow"] = "contract",
            ["match"] = new JsonObject { ["file_sha256"] = PdfSha },
            ["responses"] = new JsonArray(response),
            ["repeat_last"] = true,
        };
    }

    private async Task<(SseEvents Events, bool Cut)> StreamUntilCutAsync(string fault)
    {
        var uploadId = await Server.UploadAsync(Pdf, User);
        await Server.PutScriptAsync(Script(fault, 200));
        using var dify = Server.Dify(TestKeys.DifyContractKey);
        using var request = new HttpRequestMessage(HttpMethod.Post, "workflows/run") { Content = MocksServer.Json(MocksServer.ContractRun(uploadId, User, "streaming")) };
        using var response = await dify.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var received = new System.Text.StringBuilder();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        try
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                received.Append(line).Append('\n');
            }
            return (SseEvents.Parse(received.ToString()), false);
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException)
        {
            return (SseEvents.Parse(received.ToString()), true);
        }
    }

    private async Task<JsonNode> LastRunDetailAsync()
    {
        using var admin = Server.Http();
        var calls = JsonNode.Parse(await admin.GetStringAsync("/_mock/dify/calls"))!["items"]!.AsArray();
        var runId = calls.Last(call => call!["workflow_run_id"] is not null)!["workflow_run_id"]!.GetValue<string>();
        using var dify = Server.Dify(TestKeys.DifyContractKey);
        return JsonNode.Parse(await dify.GetStringAsync($"workflows/run/{runId}"))!;
    }
}
