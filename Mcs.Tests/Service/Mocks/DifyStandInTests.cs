using System.Net;
using System.Text.Json.Nodes;
using Mcs.Tests.Support;

namespace Mcs.Tests.Service.Mocks;

public sealed class DifyStandInTests(MocksFixture fixture) : IClassFixture<MocksFixture>, IAsyncLifetime
{
    private const string User = "mcs-orchestrator";
    private MocksServer Server => fixture.Server;

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Unscripted_blocking_run_extracts_the_uploaded_contract()
    {
        var uploadId = await Server.UploadAsync(SamplePdf.EnglishContract(), User);
        using var dify = Server.Dify(TestKeys.DifyContractKey);

        using var response = await dify.PostAsync("workflows/run", MocksServer.Json(MocksServer.ContractRun(uploadId, User, "blocking")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(body["workflow_run_id"]!.GetValue<string>(), body["data"]!["id"]!.GetValue<string>());
        Assert.Equal("succeeded", body["data"]!["status"]!.GetValue<string>());
        var contract = body["data"]!["outputs"]!["contract"]!;
        Assert.Equal("SC-2026-0042", contract["contract_no"]!.GetValue<string>());
        Assert.Equal(2, contract["line_items"]!.AsArray().Count);
        Assert.IsType<long>(body["data"]!["created_at"]!.GetValue<long>());
    }

    [Fact]
    public async Task Streaming_run_emits_difys_event_sequence_and_get_run_agrees()
    {
        var uploadId = await Server.UploadAsync(SamplePdf.EnglishContract(), User);
        using var dify = Server.Dify(TestKeys.DifyContractKey);

        using var response = await dify.PostAsync("workflows/run", MocksServer.Json(MocksServer.ContractRun(uploadId, User, "streaming")));

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        var events = SseEvents.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("event: ping", events.RawEvents[0]);
        Assert.Equal("workflow_started", events.Names[0]);
        Assert.Equal("workflow_finished", events.Names[^1]);
        Assert.Equal(5, events.Names.Count(name => name == "node_started"));
        Assert.Equal(5, events.Names.Count(name => name == "node_finished"));
        var runId = events.Data[0]["workflow_run_id"]!.GetValue<string>();
        Assert.All(events.Data, e => Assert.Equal(runId, e["workflow_run_id"]!.GetValue<string>()));
        var finished = events.Data[^1]["data"]!;
        Assert.Equal("succeeded", finished["status"]!.GetValue<string>());
        Assert.Equal("SC-2026-0042", finished["outputs"]!["contract"]!["contract_no"]!.GetValue<string>());

        var detail = JsonNode.Parse(await dify.GetStringAsync($"workflows/run/{runId}"))!;
        Assert.Equal("succeeded", detail["status"]!.GetValue<string>());
        Assert.Contains("contract_pdf", detail["inputs"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Auth_failures_are_difys_401_json_with_www_authenticate()
    {
        using var anonymous = Server.Http();
        using var missing = await anonymous.GetAsync("/v1/info");
        using var wrongKey = Server.Dify("app-not-a-key-of-this-app");
        using var unknown = await wrongKey.GetAsync("info");

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal("Bearer realm=\"api\"", missing.Headers.WwwAuthenticate.ToString());
        var missingBody = JsonNode.Parse(await missing.Content.ReadAsStringAsync())!;
        Assert.Equal("unauthorized", missingBody["code"]!.GetValue<string>());
        Assert.Equal(401, missingBody["status"]!.GetValue<int>());
        Assert.Equal("Access token is invalid", JsonNode.Parse(await unknown.Content.ReadAsStringAsync())!["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("no_user", "Arg user must be provided.")]
    [InlineData("file_as_list", "contract_pdf in input form must be a file")]
    [InlineData("type_omitted", "Detected file type does not match the specified type. Please verify the file.")]
    [InlineData("other_user", "Invalid upload file")]
    [InlineData("not_uuid", "Invalid upload file id format")]
    [InlineData("missing_file", "contract_pdf is required in input form")]
    public async Task Invalid_inputs_are_400_invalid_param_with_difys_message(string case_, string message)
    {
        var uploadId = await Server.UploadAsync(SamplePdf.EnglishContract(), User);
        var body = MocksServer.ContractRun(uploadId, User, "streaming");
        var file = body["inputs"]!["contract_pdf"]!.AsObject();
        switch (case_)
        {
            case "no_user": body.Remove("user"); break;
            case "file_as_list": body["inputs"]!["contract_pdf"] = new JsonArray(file.DeepClone()); break;
            case "type_omitted": file.Remove("type"); break;
            case "other_user": body["user"] = "someone-else"; break;
            case "not_uuid": file["upload_file_id"] = "12345"; break;
            case "missing_file": body["inputs"]!.AsObject().Remove("contract_pdf"); break;
        }
        using var dify = Server.Dify(TestKeys.DifyContractKey);

        using var response = await dify.PostAsync("workflows/run", MocksServer.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("invalid_param", error["code"]!.GetValue<string>());
        Assert.Equal(message, error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_run_is_404_not_found_and_stop_always_succeeds()
    {
        using var dify = Server.Dify(TestKeys.DifyContractKey);

        using var run = await dify.GetAsync($"workflows/run/{Guid.NewGuid()}");
        using var stop = await dify.PostAsync($"workflows/tasks/{Guid.NewGuid()}/stop", MocksServer.Json(new JsonObject { ["user"] = User }));

        Assert.Equal(HttpStatusCode.NotFound, run.StatusCode);
        Assert.Equal("not_found", JsonNode.Parse(await run.Content.ReadAsStringAsync())!["code"]!.GetValue<string>());
        Assert.Equal("success", JsonNode.Parse(await stop.Content.ReadAsStringAsync())!["result"]!.GetValue<string>());
    }

    [Fact]
    public async Task Parameters_and_info_describe_each_app_by_its_key()
    {
        using var contractApp = Server.Dify(TestKeys.DifyContractKey);
        using var orderApp = Server.Dify(TestKeys.DifyOrderKey);

        var contractForm = JsonNode.Parse(await contractApp.GetStringAsync("parameters"))!["user_input_form"]!.AsArray();
        var orderForm = JsonNode.Parse(await orderApp.GetStringAsync("parameters"))!["user_input_form"]!.AsArray();
        var info = JsonNode.Parse(await orderApp.GetStringAsync("info"))!;

        var pdf = contractForm.Single(item => item!["file"] is not null)!["file"]!;
        Assert.Equal("contract_pdf", pdf["variable"]!.GetValue<string>());
        Assert.Equal("document", pdf["allowed_file_types"]![0]!.GetValue<string>());
        Assert.Equal(
            ["email_subject", "email_body", "sender", "customer_hint", "contract_pdf"],
            contractForm.Select(item => item!.AsObject().Single().Value!["variable"]!.GetValue<string>()));
        Assert.Equal(
            ["contract", "customer", "company", "candidate_products"],
            orderForm.Select(item => item!.AsObject().Single().Value!["variable"]!.GetValue<string>()));
        Assert.Equal("workflow", info["mode"]!.GetValue<string>());
    }

    [Fact]
    public async Task Order_app_maps_contract_customer_company_and_products_to_an_order_payload()
    {
        var contract = new JsonObject
        {
            ["contract_no"] = "HT-7",
            ["sign_date"] = "2026-03-05",
            ["currency"] = "CNY",
            ["total_amount"] = 1850.00m,
            ["delivery_date"] = "2026-04-01",
            ["line_items"] = new JsonArray(
                new JsonObject { ["description"] = "轴承", ["customer_part_no"] = "KH-77", ["quantity"] = 100, ["unit"] = "件", ["unit_price"] = 12.5m, ["amount"] = 1250m },
                new JsonObject { ["description"] = "齿轮", ["sku"] = "P-2002", ["quantity"] = 20, ["unit_price"] = 30m, ["amount"] = 600m }),
        };
        var products = new JsonArray(
            new JsonObject { ["sku"] = "P-1001", ["name"] = "Bearing", ["unit"] = "PCS", ["customer_part_numbers"] = new JsonArray(new JsonObject { ["customer_id"] = "c-1", ["part_no"] = "KH-77" }) },
            new JsonObject { ["sku"] = "P-2002", ["name"] = "Gear", ["unit"] = "SET" });
        var body = new JsonObject
        {
            ["inputs"] = new JsonObject
            {
                ["contract"] = contract.ToJsonString(),
                ["customer"] = new JsonObject { ["customer_id"] = "c-1", ["customer_num"] = "C10001", ["currency"] = "CNY", ["payment_terms"] = "NET30" }.ToJsonString(),
                ["company"] = new JsonObject { ["code"] = "1000", ["name"] = "Our Co" }.ToJsonString(),
                ["candidate_products"] = products.ToJsonString(),
            },
            ["response_mode"] = "blocking",
            ["user"] = User,
        };
        using var dify = Server.Dify(TestKeys.DifyOrderKey);

        using var response = await dify.PostAsync("workflows/run", MocksServer.Json(body));

        var payload = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["data"]!["outputs"]!["order_payload"]!;
        Assert.Equal("C10001", payload["customer_num"]!.GetValue<string>());
        Assert.Equal("1000", payload["company_code"]!.GetValue<string>());
        Assert.Equal("HT-7", payload["contract_no"]!.GetValue<string>());
        Assert.Equal("2026-03-05", payload["order_date"]!.GetValue<string>());
        Assert.Equal("NET30", payload["payment_terms"]!.GetValue<string>());
        Assert.Equal("P-1001", payload["lines"]![0]!["sku"]!.GetValue<string>());
        Assert.Equal("SET", payload["lines"]![1]!["unit"]!.GetValue<string>());
        Assert.Equal(1850.00m, payload["total_amount"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Remote_url_answering_4xx_fails_the_run_at_the_node_and_an_unreachable_one_is_400()
    {
        using var dify = Server.Dify(TestKeys.DifyContractKey);
        JsonObject Run(string url) => new()
        {
            ["inputs"] = new JsonObject { ["contract_pdf"] = new JsonObject { ["type"] = "document", ["transfer_method"] = "remote_url", ["url"] = url } },
            ["response_mode"] = "blocking",
            ["user"] = User,
        };

        using var missing = await dify.PostAsync("workflows/run", MocksServer.Json(Run($"{Server.BaseAddress}files/missing.pdf")));
        var unreachableUrl = $"http://127.0.0.1:{LocalServerProcess.FreePort()}/c.pdf";
        using var unreachable = await dify.PostAsync("workflows/run", MocksServer.Json(Run(unreachableUrl)));

        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        var data = JsonNode.Parse(await missing.Content.ReadAsStringAsync())!["data"]!;
        Assert.Equal("failed", data["status"]!.GetValue<string>());
        // The path needs a key on this host, so the node's download gets a 4xx: the run fails, the call does not.
        Assert.StartsWith("Error downloading file: Client error '4", data["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("files/missing.pdf", data["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unreachable.StatusCode);
        Assert.Equal($"Reached maximum retries (3) for URL {unreachableUrl}",
            JsonNode.Parse(await unreachable.Content.ReadAsStringAsync())!["message"]!.GetValue<string>());
    }
}
