using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Mcs.Contracts;
using Mcs.Mocks;
using Mcs.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Mcs.Tests.Service.Mocks;

/// <summary>
/// Mcs.Mocks on real Kestrel at 127.0.0.1 (free ports for HTTP and SMTP), with random keys and its own data
/// directory, so each test talks to it over real HTTP like the orchestrator does.
/// </summary>
public sealed class MocksServer : WebApplicationFactory<MocksMarker>
{
    private readonly Dictionary<string, string?> _settings;

    private MocksServer(string dataDirectory, int pingIntervalMs, int maxActiveRequests, IReadOnlyDictionary<string, string?>? settings)
    {
        HttpPort = LocalServerProcess.FreePort();
        SmtpPort = LocalServerProcess.FreePort();
        DataDirectory = dataDirectory;
        _settings = new()
        {
            ["Mcs:ApiKey"] = TestKeys.ApiKey,
            ["Mocks:SmtpPort"] = SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mocks:DataDirectory"] = dataDirectory,
            ["Mocks:DifyContractKey"] = TestKeys.DifyContractKey,
            ["Mocks:DifyOrderKey"] = TestKeys.DifyOrderKey,
            ["Mocks:ErpApiKey"] = TestKeys.ErpApiKey,
            ["Mocks:DifyPingIntervalMs"] = pingIntervalMs.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mocks:DifyMaxActiveRequests"] = maxActiveRequests.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public int HttpPort { get; }

    public int SmtpPort { get; }

    public string DataDirectory { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{HttpPort}");

    public static string NewDataDirectory() => Directory.CreateTempSubdirectory("mcs-mocks-").FullName;

    public static MocksServer Start(string? dataDirectory = null, int pingIntervalMs = 10_000, int maxActiveRequests = 0,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var server = new MocksServer(dataDirectory ?? NewDataDirectory(), pingIntervalMs, maxActiveRequests, settings);
        server.UseKestrel(options => options.Listen(IPAddress.Loopback, server.HttpPort));
        server.StartServer();
        return server;
    }

    /// <summary>A plain client (no auth header): each test sets the key it means to present.</summary>
    public HttpClient Http() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    public HttpClient Dify(string key)
    {
        var client = Http();
        client.BaseAddress = new Uri(BaseAddress, "/v1/");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public HttpClient Erp()
    {
        var client = Http();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestKeys.ErpApiKey);
        return client;
    }

    public async Task PutScriptAsync(object script)
    {
        using var client = Http();
        using var response = await client.PutAsJsonAsync("/_mock/dify/scripts", script, McsJson.Options);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Uploads a PDF as the contract app with the given user and returns the upload id.</summary>
    public async Task<string> UploadAsync(byte[] pdf, string user, string fileName = "contract.pdf")
    {
        using var client = Dify(TestKeys.DifyContractKey);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(user), "user");
        using var response = await client.PostAsync("files/upload", form);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
    }

    public static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    public static JsonObject ContractRun(string uploadId, string user, string mode) => new()
    {
        ["inputs"] = new JsonObject
        {
            ["email_subject"] = "Purchase order",
            ["contract_pdf"] = new JsonObject { ["type"] = "document", ["transfer_method"] = "local_file", ["upload_file_id"] = uploadId },
        },
        ["response_mode"] = mode,
        ["user"] = user,
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
