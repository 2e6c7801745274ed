using Mcs.Orchestrator.Adapters;
using Mcs.Orchestrator.Adapters.Dify;
using Mcs.Orchestrator.Adapters.Erp;
using Mcs.Orchestrator.Adapters.FileStore;
using Mcs.Orchestrator.Adapters.Masterdata;
using Mcs.Orchestrator.Adapters.Similarity;
using Mcs.Orchestrator.Adapters.Smtp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Mcs.Tests.Service.Adapters;

/// <summary>AddOrchestratorAdapters with the configuration names the AppHost passes: everything resolves, bad config fails at start.</summary>
public sealed class AdaptersRegistrationTests
{
    private static readonly Dictionary<string, string?> AppHostConfig = new()
    {
        ["Dify:BaseUrl"] = "http://127.0.0.1:1/v1",
        ["Dify:ContractKey"] = "app-contract",
        ["Dify:OrderKey"] = "app-order",
        ["Erp:BaseUrl"] = "http://127.0.0.1:1",
        ["Erp:ApiKey"] = "erp-key",
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = "2525",
        ["Masterdata:BaseUrl"] = "http://masterdata",
        ["Mcs:ApiKey"] = "platform-key-0123456789",
    };

    [Fact]
    public async Task Every_adapter_resolves_from_the_apphost_configuration()
    {
        using var host = Build(AppHostConfig);
        await host.StartAsync();

        var services = host.Services;
        Assert.IsType<DifyWorkflowClient>(services.GetRequiredService<IDifyWorkflowClient>());
        Assert.IsType<ErpGatewayClient>(services.GetRequiredService<IErpGateway>());
        Assert.IsType<DiskFileStore>(services.GetRequiredService<IFileStore>());
        Assert.IsType<SmtpNotificationSender>(services.GetRequiredService<INotificationSender>());
        Assert.IsType<MasterdataReader>(services.GetRequiredService<IMasterdataReader>());
        Assert.IsType<FuzzyCustomerNameMatcher>(services.GetRequiredService<ICustomerNameMatcher>());
        Assert.Equal("platform-key-0123456789", services.GetRequiredService<IOptions<MasterdataOptions>>().Value.ApiKey);
        Assert.Equal(DifyResponseMode.Streaming, services.GetRequiredService<IOptions<DifyOptions>>().Value.ResponseMode);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_missing_dify_key_fails_at_start()
    {
        var config = new Dictionary<string, string?>(AppHostConfig) { ["Dify:ContractKey"] = null };
        using var host = Build(config);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("ContractKey", error.Message, StringComparison.Ordinal);
    }

    private static IHost Build(Dictionary<string, string?> config)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(config);
        builder.AddOrchestratorAdapters();
        return builder.Build();
    }
}
