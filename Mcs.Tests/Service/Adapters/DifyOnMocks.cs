using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Mcs.Contracts.Results;
using Mcs.Orchestrator.Adapters;
using Mcs.Orchestrator.Adapters.Dify;
using Mcs.Tests.Service.Mocks;
using Mcs.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Mcs.Tests.Service.Adapters;

/// <summary>
/// The orchestrator's real <see cref="IDifyWorkflowClient"/> (built by AddOrchestratorAdapters, on top of the
/// standard resilience defaults every MCS service gets, exactly as in the orchestrator) pointed at Mcs.Mocks over
/// real HTTP, plus the admin API calls the tests use to script §9 faults and count what reached the stand-in.
/// </summary>
public sealed class DifyOnMocks(MocksServer server) : IDisposable
{
    public const string User = "mcs-orchestrator";

    /// <summary>A contract in the layout the stand-in's extractor reads; scripts match it by SHA-256.</summary>
    public static readonly byte[] Pdf = SamplePdf.EnglishContract("SC-ADAPTER-0042");

    public static readonly string PdfSha256 = Convert.ToHexStringLower(SHA256.HashData(Pdf));

    private readonly List<IHost> _hosts = [];

    public MocksServer Server => server;

    /// <summary>
    /// A client with retry timings tightened for tests (the config keys the AppHost would set), so a retried
    /// scenario takes milliseconds and a lost stream is given up within about a second. The idle timeout stays a few
    /// seconds: in streaming mode it also bounds the wait for response headers, which on a loaded machine includes
    /// the stand-in reading the PDF.
    /// </summary>
    public IDifyWorkflowClient Client(DifyResponseMode mode, IDictionary<string, string>? overrides = null)
    {
        var config = new Dictionary<string, string?>
        {
            ["Dify:BaseUrl"] = new Uri(server.BaseAddress, "/v1").AbsoluteUri,
            ["Dify:ContractKey"] = TestKeys.DifyContractKey,
            ["Dify:OrderKey"] = TestKeys.DifyOrderKey,
            ["Dify:ResponseMode"] = mode.ToString(),
            ["Dify:RetryBaseDelay"] = "00:00:00.020",
            ["Dify:RetryMaxDelay"] = "00:00:00.200",
            ["Dify:StreamIdleTimeout"] = "00:00:05",
            ["Dify:BlockingAttemptTimeout"] = "00:00:05",
            ["Dify:RunPollDeadline"] = "00:00:00.600",
            ["Dify:RunPollInterval"] = "00:00:00.100",
            ["Dify:OverallDeadline"] = "00:00:30",
            ["Erp:BaseUrl"] = server.BaseAddress.AbsoluteUri,
            ["Erp:ApiKey"] = TestKeys.ErpApiKey,
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = server.SmtpPort.ToString(CultureInfo.InvariantCulture),
            ["Masterdata:BaseUrl"] = "http://127.0.0.1:1",
            ["Mcs:ApiKey"] = TestKeys.ApiKey,
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
        {
            config[key] = value;
        }
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(config);
        // What AddServiceDefaults gives every HttpClient in the orchestrator: the adapters must opt out of it.
        builder.Services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());
        builder.AddOrchestratorAdapters();
        var host = builder.Build();
        _hosts.Add(host);
        return host.Services.GetRequiredService<IDifyWorkflowClient>();
    }

    public static JsonObject Fault(string name, int? delayMs = null)
    {
        var response = new JsonObject { ["fault"] = name };
        if (delayMs is { } delay)
        {
            response["delay_ms"] = delay;
        }
        return response;
    }

    /// <summary>Scripts the contract app for runs that reference <see cref="Pdf"/> (uploaded or by URL).</summary>
    public Task ScriptContractAsync(bool repeatLast, params JsonObject[] responses) =>
        server.PutScriptAsync(new JsonObject
        {
            ["workflow"] = "contract",
            ["match"] = new JsonObject { ["file_sha256"] = PdfSha256 },
            ["responses"] = new JsonArray([.. responses]),
            ["repeat_last"] = repeatLast,
        });

    /// <summary>Uploads <see cref="Pdf"/> through the client, then runs the contract app on it (local_file).</summary>
    public async Task<DifyOutcome<DifyContractResult>> UploadAndRunAsync(IDifyWorkflowClient client, TimeSpan? within = null)
    {
        var upload = await client.UploadFileAsync(Pdf, "SC-ADAPTER-0042.pdf", "application/pdf", CancellationToken.None);
        Assert.True(upload.Succeeded, upload.Failure?.Message);
        return await client.RunContractAsync(Inputs(DifyFileInput.LocalFile(upload.Value.Id)), CancellationToken.None)
            .WaitAsync(within ?? TimeSpan.FromSeconds(60));
    }

    public static DifyContractInputs Inputs(DifyFileInput file) => new()
    {
        ContractPdf = file,
        EmailSubject = "Purchase order SC-ADAPTER-0042",
        EmailBody = "Please find our contract attached.",
        Sender = "buyer@acme-industrial.example",
        CustomerHint = "unresolved",
    };

    /// <summary>What reached <c>POST /v1/workflows/run</c> of the stand-in, oldest first (the wire's view of attempts).</summary>
    public async Task<List<JsonObject>> RunCallsAsync()
    {
        using var admin = server.Http();
        var calls = await admin.GetFromJsonAsync<JsonObject>("/_mock/dify/calls");
        return [.. calls!["items"]!.AsArray().OfType<JsonObject>().Where(call => call["endpoint"]!.GetValue<string>() == "workflows/run")];
    }

    public async Task<JsonObject> RunDetailAsync(string runId, string key)
    {
        using var dify = server.Dify(key);
        return (await dify.GetFromJsonAsync<JsonObject>($"workflows/run/{runId}"))!;
    }

    public void Dispose()
    {
        foreach (var host in _hosts)
        {
            host.Dispose();
        }
    }
}
