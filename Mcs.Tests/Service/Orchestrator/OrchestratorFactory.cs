using Mcs.Orchestrator;
using Mcs.Orchestrator.Adapters.Dify;
using Mcs.Orchestrator.Adapters.Erp;
using Mcs.Orchestrator.Adapters.FileStore;
using Mcs.Orchestrator.Adapters.Masterdata;
using Mcs.Orchestrator.Adapters.Smtp;
using Mcs.Tests.Support.Fakes;
using Mcs.Tests.Unit.SalesEmail;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Mcs.Tests.Service.Orchestrator;

/// <summary>
/// The orchestrator on a real PostgreSQL database, with the outside world (masterdata, Dify, ERP, SMTP, files) faked.
/// A second factory on the same database with the same <paramref name="erp"/> and <paramref name="files"/> stands for
/// the process after a restart: the ERP and the file store outlive the orchestrator.
/// </summary>
public sealed class OrchestratorFactory(string connectionString, FakeErpGateway? erp = null, InMemoryFileStore? files = null)
    : WebApplicationFactory<OrchestratorMarker>
{
    public const string ApiKey = "test-api-key-0123456789";

    public FakeMasterdataReader Masterdata { get; } = new(SalesEmailTestData.Snapshot());
    public FakeDifyWorkflowClient Dify { get; } = new();
    public FakeErpGateway Erp { get; } = erp ?? new();
    public RecordingNotificationSender Smtp { get; } = new();
    public InMemoryFileStore Files { get; } = files ?? new();

    /// <summary>Extra configuration, applied after the defaults (set before the first client is created).</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:orchestratordb", connectionString);
        builder.UseSetting("Mcs:ApiKey", ApiKey);
        builder.UseSetting("Masterdata:BaseUrl", "http://127.0.0.1:9");
        builder.UseSetting("Dify:BaseUrl", "http://127.0.0.1:9/v1");
        builder.UseSetting("Dify:ContractKey", "app-contract");
        builder.UseSetting("Dify:OrderKey", "app-order");
        builder.UseSetting("Erp:BaseUrl", "http://127.0.0.1:9");
        builder.UseSetting("Erp:ApiKey", "erp-key");
        builder.UseSetting("Smtp:Host", "127.0.0.1");
        builder.UseSetting("GraphEngine:PollInterval", "00:00:00.050");
        builder.UseSetting("SalesEmail:Policy:RunWaitTimeout", "00:00:10");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IMasterdataReader>(Masterdata);
            services.AddSingleton<IDifyWorkflowClient>(Dify);
            services.AddSingleton<IErpGateway>(Erp);
            services.AddSingleton<INotificationSender>(Smtp);
            services.AddSingleton<IFileStore>(Files);
        });
    }

    public HttpClient Client()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ApiKey);
        return client;
    }
}
