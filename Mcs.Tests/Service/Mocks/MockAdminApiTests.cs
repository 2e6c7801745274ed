using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Mcs.Mocks.Admin;
using Mcs.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Mcs.Tests.Service.Mocks;

public sealed class MockAdminApiTests(MocksFixture fixture) : IClassFixture<MocksFixture>, IAsyncLifetime
{
    private const string User = "mcs-orchestrator";
    private MocksServer Server => fixture.Server;

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Scripted_responses_are_taken_in_order_then_the_app_answers_unscripted_again()
    {
        var pdf = SamplePdf.EnglishContract("SC-SCRIPT-1");
        var uploadId = await Server.UploadAsync(pdf, User);
        await Server.PutScriptAsync(new JsonObject
        {
            ["workflow"] = "contract",
            ["match"] = new JsonObject { ["file_sha256"] = Convert.ToHexStringLower(SHA256.HashData(pdf)) },
            ["responses"] = new JsonArray(
                new JsonObject { ["outputs"] = new JsonObject { ["contract"] = new JsonObject { ["contract_no"] = "SCRIPTED" } } },
                new JsonObject { ["outputs_text"] = "```json\n{\"contract_no\": \"RAW\"}\n```" }),
            ["repeat_last"] = false,
        });

        var first = await RunContractAsync(uploadId);
        var second = await RunContractAsync(uploadId);
        var third = await RunContractAsync(uploadId);

        Assert.Equal("SCRIPTED", first["contract"]!["contract_no"]!.GetValue<string>());
        Assert.Equal("```json\n{\"contract_no\": \"RAW\"}\n```", second["contract"]!.GetValue<string>());
        Assert.Equal("SC-SCRIPT-1", third["contract"]!["contract_no"]!.GetValue<string>());
    }

    [Fact]
    public async Task Repeat_last_keeps_answering_and_a_put_with_the_same_match_replaces_the_script()
    {
        var uploadId = await Server.UploadAsync(SamplePdf.EnglishContract(), User);
        JsonObject Script(string no) => new()
        {
            ["workflow"] = "contract",
            ["match"] = new JsonObject { ["input_contains"] = "Purchase order" },
            ["responses"] = new JsonArray(new JsonObject { ["outputs"] = new JsonObject { ["contract"] = new JsonObject { ["contract_no"] = no } } }),
            ["repeat_last"] = true,
        };
        await Server.PutScriptAsync(Script("A"));
        using var admin = Server.Http();
        using var replace = await admin.PutAsync("/_mock/dify/scripts", MocksServer.Json(Script("B")));

        var first = await RunContractAsync(uploadId);
        var second = await RunContractAsync(uploadId);

        Assert.True(JsonNode.Parse(await replace.Content.ReadAsStringAsync())!["replaced"]!.GetValue<bool>());
        Assert.Equal("B", first["contract"]!["contract_no"]!.GetValue<string>());
        Assert.Equal("B", second["contract"]!["contract_no"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delete_scripts_returns_the_app_to_extraction_and_calls_record_what_arrived()
    {
        var uploadId = await Server.UploadAsync(SamplePdf.EnglishContract("SC-CALLS"), User);
        await Server.PutScriptAsync(new JsonObject
        {
            ["workflow"] = "contract",
            ["responses"] = new JsonArray(new JsonObject { ["fault"] = "server_500" }),
            ["repeat_last"] = true,
        });
        using var admin = Server.Http();
        using var deleted = await admin.DeleteAsync("/_mock/dify/scripts");

        var outputs = await RunContractAsync(uploadId);
        var calls = JsonNode.Parse(await admin.GetStringAsync("/_mock/dify/calls"))!["items"]!.AsArray();

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal("SC-CALLS", outputs["contract"]!["contract_no"]!.GetValue<string>());
        var run = calls.Single(call => call!["endpoint"]!.GetValue<string>() == "workflows/run")!;
        Assert.Equal("contract", run["workflow"]!.GetValue<string>());
        Assert.Equal("unscripted", run["answer"]!.GetValue<string>());
        Assert.Equal(User, run["user"]!.GetValue<string>());
        Assert.Equal("local_file", run["file_transfer_method"]!.GetValue<string>());
        Assert.Equal(64, run["file_sha256"]!.GetValue<string>().Length);
    }

    [Fact]
    public async Task Keys_latency_and_reset_have_their_documented_shapes()
    {
        using var admin = Server.Http();

        var keys = JsonNode.Parse(await admin.GetStringAsync("/_mock/dify/keys"))!;
        using var put = await admin.PutAsync("/_mock/dify/default-latency", MocksServer.Json(new JsonObject { ["delay_ms"] = 250 }));
        var latency = JsonNode.Parse(await admin.GetStringAsync("/_mock/dify/default-latency"))!;
        using var reset = await admin.PostAsync("/_mock/reset", null);
        var afterReset = JsonNode.Parse(await admin.GetStringAsync("/_mock/dify/default-latency"))!;

        Assert.Equal(TestKeys.DifyContractKey, keys["contract"]!.GetValue<string>());
        Assert.Equal(TestKeys.DifyOrderKey, keys["order_payload"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(250, latency["delay_ms"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(0, afterReset["delay_ms"]!.GetValue<int>());
    }

    [Fact]
    public async Task Default_latency_delays_unscripted_runs()
    {
        var uploadId = await Server.UploadAsync(SamplePdf.EnglishContract(), User);
        using var admin = Server.Http();
        using var put = await admin.PutAsync("/_mock/dify/default-latency", MocksServer.Json(new JsonObject { ["delay_ms"] = 600 }));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        await RunContractAsync(uploadId);

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(600));
    }

    [Fact]
    public async Task An_unknown_fault_or_workflow_is_422_and_not_stored()
    {
        using var admin = Server.Http();

        using var response = await admin.PutAsync("/_mock/dify/scripts", MocksServer.Json(new JsonObject
        {
            ["workflow"] = "invoice",
            ["responses"] = new JsonArray(new JsonObject { ["fault"] = "meteor_strike" }),
            ["repeat_last"] = false,
        }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("validation_failed", problem["code"]!.GetValue<string>());
        Assert.NotNull(problem["errors"]!["workflow"]);
        Assert.NotNull(problem["errors"]!["responses[0].fault"]);
    }

    [Fact]
    public async Task The_admin_api_refuses_a_caller_that_is_not_on_loopback()
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse("10.1.2.3");
        var invocation = EndpointFilterInvocationContext.Create(context);

        var result = await new LoopbackOnlyFilter().InvokeAsync(invocation, _ => ValueTask.FromResult<object?>("served"));

        Assert.NotEqual("served", result);
        Assert.Equal(StatusCodes.Status403Forbidden, ((IStatusCodeHttpResult)result!).StatusCode);
    }

    private async Task<JsonNode> RunContractAsync(string uploadId)
    {
        using var dify = Server.Dify(TestKeys.DifyContractKey);
        using var response = await dify.PostAsync("workflows/run", MocksServer.Json(MocksServer.ContractRun(uploadId, User, "blocking")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["data"]!["outputs"]!;
    }
}
