using System.Diagnostics;
using System.Text.Json.Nodes;
using Mcs.Contracts.MasterData;
using Mcs.Orchestrator.Adapters.Dify;
using Mcs.Orchestrator.Adapters.FileStore;
using Mcs.Tests.Service.Mocks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Mcs.Orchestrator.Adapters.Dify.DifyResponseMode;

namespace Mcs.Tests.Service.Adapters;

/// <summary>
/// The Dify client's normal path against the real Mcs.Mocks over real HTTP: upload then <c>local_file</c> run,
/// <c>remote_url</c> runs fetched from the orchestrator's own signed file URLs, scripts matched by the file's SHA-256,
/// normalisation of LLM-written values, and the order-payload app. §9 faults: <see cref="DifyFaultScenarioTests"/>.
/// </summary>
public sealed class DifyWorkflowClientTests(MocksFixture fixture) : IClassFixture<MocksFixture>, IAsyncLifetime
{
    private readonly DifyOnMocks _dify = new(fixture.Server);

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync()
    {
        _dify.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData(Streaming)]
    [InlineData(Blocking)]
    public async Task An_uploaded_contract_is_extracted_and_normalised(DifyResponseMode mode)
    {
        var outcome = await _dify.UploadAndRunAsync(_dify.Client(mode));

        Assert.True(outcome.Succeeded, outcome.Failure?.Message);
        var contract = outcome.Value;
        Assert.Equal("SC-ADAPTER-0042", contract.ContractNo);
        Assert.Equal("Acme Industrial Supplies GmbH", contract.BuyerName);
        Assert.Equal("EUR", contract.Currency);
        Assert.Equal(5050.00m, contract.TotalAmount);
        Assert.Equal(new DateOnly(2026, 3, 15), contract.SignDate);
        Assert.Equal(new DateOnly(2026, 4, 30), contract.DeliveryDate);
        Assert.Equal([1000m, 200m], contract.LineItems.Select(line => line.Quantity));
        var call = Assert.Single(await _dify.RunCallsAsync());
        Assert.Equal(mode == Streaming ? "streaming" : "blocking", call["response_mode"]!.GetValue<string>());
        Assert.Equal("local_file", call["file_transfer_method"]!.GetValue<string>());
        Assert.Equal(DifyOnMocks.PdfSha256, call["file_sha256"]!.GetValue<string>());
        Assert.Equal(call["workflow_run_id"]!.GetValue<string>(), outcome.WorkflowRunId);
    }

    [Fact]
    public async Task Upload_and_run_use_the_same_stable_user()
    {
        await _dify.UploadAndRunAsync(_dify.Client(Streaming));

        using var admin = fixture.Server.Http();
        var calls = JsonNode.Parse(await admin.GetStringAsync("/_mock/dify/calls"))!["items"]!.AsArray();
        Assert.Equal(["files/upload", "workflows/run"], calls.Select(call => call!["endpoint"]!.GetValue<string>()));
        Assert.All(calls, call => Assert.Equal(DifyOnMocks.User, call!["user"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData(Streaming)]
    [InlineData(Blocking)]
    public async Task Llm_written_values_in_scripted_outputs_are_normalised(DifyResponseMode mode)
    {
        await _dify.ScriptContractAsync(false, new JsonObject { ["outputs"] = new JsonObject { ["contract"] = LlmContract() } });

        var outcome = await _dify.UploadAndRunAsync(_dify.Client(mode));

        Assert.True(outcome.Succeeded, outcome.Failure?.Message);
        Assert.Equal("HT-2026-0042", outcome.Value.ContractNo);
        Assert.Equal("CNY", outcome.Value.Currency);
        Assert.Equal(1234.50m, outcome.Value.TotalAmount);
        Assert.Equal(new DateOnly(2026, 11, 3), outcome.Value.SignDate);
        Assert.Equal(10m, Assert.Single(outcome.Value.LineItems).Quantity);
        Assert.Contains("¥1,234.50", outcome.Value.RawOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prose_instead_of_json_is_an_invalid_output_without_retry()
    {
        await _dify.ScriptContractAsync(true, new JsonObject { ["outputs_text"] = "I could not find a contract in this document." });

        var outcome = await _dify.UploadAndRunAsync(_dify.Client(Streaming));

        Assert.False(outcome.Succeeded);
        Assert.Equal(DifyErrorCodes.InvalidOutput, outcome.Failure.Code);
        Assert.False(outcome.Failure.Retryable);
        Assert.Single(await _dify.RunCallsAsync());
    }

    [Fact]
    public async Task A_remote_url_from_the_file_store_is_fetched_by_dify_and_matched_by_its_sha256()
    {
        await using var files = await SignedFileHost.StartAsync();
        var stored = await files.Store.PutAsync(DifyOnMocks.Pdf, "SC-ADAPTER-0042.pdf", "application/pdf", CancellationToken.None);
        await _dify.ScriptContractAsync(false, new JsonObject { ["outputs"] = new JsonObject { ["contract"] = LlmContract() } });
        var url = files.SignedUrl(stored.Id);

        var outcome = await _dify.Client(Streaming).RunContractAsync(DifyOnMocks.Inputs(DifyFileInput.RemoteUrl(url)), CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(outcome.Succeeded, outcome.Failure?.Message);
        Assert.Equal("HT-2026-0042", outcome.Value.ContractNo);
        var call = Assert.Single(await _dify.RunCallsAsync());
        Assert.Equal("remote_url", call["file_transfer_method"]!.GetValue<string>());
        Assert.Equal(DifyOnMocks.PdfSha256, call["file_sha256"]!.GetValue<string>());
        Assert.Equal("outputs", call["answer"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_tampered_remote_url_is_refused_by_dify_as_a_file_type_mismatch_without_retry()
    {
        await using var files = await SignedFileHost.StartAsync();
        var stored = await files.Store.PutAsync(DifyOnMocks.Pdf, "SC-ADAPTER-0042.pdf", "application/pdf", CancellationToken.None);
        var tampered = new Uri(files.SignedUrl(stored.Id).AbsoluteUri + "0");

        var outcome = await _dify.Client(Blocking).RunContractAsync(DifyOnMocks.Inputs(DifyFileInput.RemoteUrl(tampered)), CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(60));

        // Dify sniffs a remote file's type before the run: our 403 answer is JSON at an extension-less URL, so the
        // run is refused with a type mismatch (what an expired signed URL looks like in production logs too).
        Assert.False(outcome.Succeeded);
        Assert.Equal(DifyErrorCodes.InvalidRequest, outcome.Failure.Code);
        Assert.False(outcome.Failure.Retryable);
        Assert.Equal(1, outcome.Attempts);
        Assert.Contains("file type does not match", outcome.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_order_app_maps_the_contract_with_customer_company_and_candidate_products()
    {
        var client = _dify.Client(Streaming);
        var contract = await _dify.UploadAndRunAsync(client);
        Assert.True(contract.Succeeded, contract.Failure?.Message);

        var outcome = await client.RunOrderPayloadAsync(OrderInputs(contract.Value), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(outcome.Succeeded, outcome.Failure?.Message);
        var payload = outcome.Value;
        Assert.Equal("1000", payload.CompanyCode);
        Assert.Equal("C-ACME", payload.CustomerNum);
        Assert.Equal("EUR", payload.Currency);
        Assert.Equal(new DateOnly(2026, 3, 15), payload.OrderDate);
        Assert.Equal(5050.00m, payload.TotalAmount);
        Assert.Equal(["6204-2RS", "SHF-20"], payload.Lines.Select(line => line.Sku));
        var call = (await _dify.RunCallsAsync()).Last();
        Assert.Equal("order_payload", call["workflow"]!.GetValue<string>());
        Assert.Contains("\"customer_num\":\"C-ACME\"", call["inputs"]!["customer"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fenced_order_payload_written_as_text_is_repaired_and_normalised()
    {
        var payload = new JsonObject
        {
            ["order_date"] = "2026/11/3", ["currency"] = "RMB", ["contract_no"] = "HT-2026-0042", ["total_amount"] = "1,234.50",
            ["lines"] = new JsonArray(new JsonObject { ["line_no"] = 1, ["sku"] = "BRG-6204", ["quantity"] = 10, ["unit"] = "pcs", ["unit_price"] = "123.45" }),
        };
        await fixture.Server.PutScriptAsync(new JsonObject
        {
            ["workflow"] = "order_payload",
            ["match"] = new JsonObject { ["input_contains"] = "SC-ADAPTER-0042" },
            ["responses"] = new JsonArray(new JsonObject { ["outputs_text"] = "Here it is:\n```json\n" + payload.ToJsonString() + "\n```" }),
            ["repeat_last"] = false,
        });
        var client = _dify.Client(Blocking);
        var contract = await _dify.UploadAndRunAsync(client);

        var outcome = await client.RunOrderPayloadAsync(OrderInputs(contract.Value!), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(outcome.Succeeded, outcome.Failure?.Message);
        Assert.Equal("CNY", outcome.Value.Currency);
        Assert.Equal(new DateOnly(2026, 11, 3), outcome.Value.OrderDate);
        Assert.Equal(1234.50m, Assert.Single(outcome.Value.Lines).Amount);
    }

    [Fact]
    public async Task A_wrong_app_key_is_a_configuration_failure_without_retry()
    {
        var client = _dify.Client(Streaming, new Dictionary<string, string> { ["Dify:ContractKey"] = "app-not-a-key-of-this-dify" });

        var upload = await client.UploadFileAsync(DifyOnMocks.Pdf, "c.pdf", "application/pdf", CancellationToken.None);
        var run = await client.RunContractAsync(DifyOnMocks.Inputs(DifyFileInput.LocalFile(Guid.NewGuid().ToString())), CancellationToken.None);

        Assert.Equal(DifyErrorCodes.Configuration, upload.Failure!.Code);
        Assert.Equal(DifyErrorCodes.Configuration, run.Failure!.Code);
        Assert.Equal(401, run.Failure.HttpStatus);
        Assert.Equal(1, run.Attempts);
    }

    /// <summary>
    /// Dify itself sends no Retry-After (dify-api.md §7), so the stand-in cannot; proxies in front of it may. This one
    /// case still needs a tiny in-test server: a 429 that asks for one second, and the client must wait it out.
    /// </summary>
    [Fact]
    public async Task A_retry_after_header_from_a_proxy_is_honoured()
    {
        await using var proxy = await StubServer.StartAsync(app => app.MapPost("/v1/workflows/run", (HttpContext context) =>
        {
            context.Response.Headers.RetryAfter = "1";
            return Results.Text("<html><body>429 Too Many Requests</body></html>", "text/html", statusCode: 429);
        }));
        var client = _dify.Client(Blocking, new Dictionary<string, string>
        {
            ["Dify:BaseUrl"] = new Uri(proxy.BaseUrl, "v1").AbsoluteUri,
            ["Dify:MaxAttempts"] = "2",
            ["Dify:RetryMaxDelay"] = "00:00:05",
        });
        var watch = Stopwatch.StartNew();

        var outcome = await client.RunContractAsync(DifyOnMocks.Inputs(DifyFileInput.LocalFile(Guid.NewGuid().ToString())), CancellationToken.None);

        Assert.Equal(DifyErrorCodes.RateLimited, outcome.Failure!.Code);
        Assert.Equal(2, outcome.Attempts);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(900), $"waited only {watch.Elapsed}");
    }

    private static JsonObject LlmContract() => new()
    {
        ["contract_no"] = "HT-2026-0042",
        ["buyer_name"] = "上海某某机械有限公司",
        ["seller_name"] = "MCS Trading GmbH",
        ["sign_date"] = "2026年11月3日",
        ["currency"] = "人民币",
        ["total_amount"] = "¥1,234.50",
        ["line_items"] = new JsonArray(new JsonObject
        {
            ["description"] = "Bearing 6204", ["sku"] = "BRG-6204", ["quantity"] = "１０", ["unit"] = "pcs",
            ["unit_price"] = "123.45", ["amount"] = "1,234.50",
        }),
    };

    private static DifyOrderInputs OrderInputs(Mcs.Contracts.Results.DifyContractResult contract) => new()
    {
        Contract = contract,
        Customer = new Customer
        {
            CustomerId = "cust-acme", CustomerNum = "C-ACME", Name = "Acme Industrial Supplies GmbH",
            SalesOwnerEmail = "sales@mcs.example", Currency = "EUR",
        },
        Company = new Company { CompanyId = "co-1", Code = "1000", Name = "Shanghai Precision Parts Co., Ltd." },
        CandidateProducts =
        [
            new Product
            {
                ProductId = "p-1", Sku = "6204-2RS", Name = "Ball bearing 6204", Unit = "pcs", UnitPrice = 2.5m, Currency = "EUR",
                CustomerPartNumbers = [new CustomerPartNumber { CustomerId = "cust-acme", PartNo = "BRG-6204" }],
            },
            new Product { ProductId = "p-2", Sku = "SHF-20", Name = "Shaft 20 mm", Unit = "pcs", UnitPrice = 12.75m, Currency = "EUR" },
        ],
    };

    /// <summary>The orchestrator's file store and <c>GET /v1/files/{id}</c> on a loopback port: what Dify fetches a remote_url from.</summary>
    private sealed class SignedFileHost : IAsyncDisposable
    {
        private readonly StubServer _server;
        private readonly string _directory;

        private SignedFileHost(StubServer server, string directory)
        {
            _server = server;
            _directory = directory;
        }

        public IFileStore Store => _server.Services.GetRequiredService<IFileStore>();

        public static async Task<SignedFileHost> StartAsync()
        {
            var directory = Directory.CreateTempSubdirectory("mcs-files-").FullName;
            var server = await StubServer.StartAsync(app => app.MapFileEndpoints(), services =>
            {
                services.AddSingleton(TimeProvider.System);
                services.AddSingleton(Options.Create(new FileStoreOptions
                {
                    Directory = directory,
                    SigningKey = "test-signing-key-" + Guid.NewGuid().ToString("N"),
                    UrlTtl = TimeSpan.FromMinutes(15),
                    PublicBaseUrl = new Uri("http://placeholder"),
                }));
                services.AddSingleton<FileUrlSigner>();
                services.AddSingleton<IFileStore, DiskFileStore>();
            });
            return new SignedFileHost(server, directory);
        }

        /// <summary>A signed URL whose host is this server (the public base URL is only known once it listens).</summary>
        public Uri SignedUrl(string id) => new(_server.BaseUrl, Store.CreateSignedUrl(id).PathAndQuery.TrimStart('/'));

        public async ValueTask DisposeAsync()
        {
            await _server.DisposeAsync();
            Directory.Delete(_directory, recursive: true);
        }
    }
}
