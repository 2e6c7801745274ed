using Microsoft.AspNetCore.Http.Features;
using Mcs.Mocks.Admin;
using Mcs.Mocks.Demo;
using Mcs.Mocks.Dify;
using Mcs.Mocks.Dify.Scripting;
using Mcs.Mocks.Erp;
using Mcs.Mocks.Smtp;
using Mcs.ServiceDefaults;

namespace Mcs.Mocks;

/// <summary>Registers the Dify, ERP and SMTP stand-ins and maps their endpoints and the <c>/_mock/</c> admin API.</summary>
public static class MocksHostingExtensions
{
    public static IHostApplicationBuilder AddMocks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MocksOptions>()
            .BindConfiguration(MocksOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddSingleton<DifyAppCatalog>();
        builder.Services.AddSingleton<DifyUploadStore>();
        builder.Services.AddSingleton<DifyRunStore>();
        builder.Services.AddSingleton<DifyScriptStore>();
        builder.Services.AddSingleton<DifyCallLog>();
        builder.Services.AddSingleton<DifyLatency>();
        builder.Services.AddSingleton<DifyActiveRuns>();
        builder.Services.AddSingleton<DifyInputValidator>();
        builder.Services.AddSingleton<DifyRunService>();
        builder.Services.AddSingleton<DifyUploadHandler>();
        // A contract upload is ~100 KB: above the default 64 KB every upload went through a temporary file on disk.
        // Dify's own limit is 15 MB; past 2 MB the form is still buffered to disk.
        builder.Services.Configure<FormOptions>(form => form.MemoryBufferThreshold = 2 * 1024 * 1024);
        builder.Services.AddSingleton<RemoteFileFetcher>();
        // Dify's SSRF proxy has its own few retries and 5 s timeouts; the standard handler would add its own on top.
        builder.Services.AddHttpClient(RemoteFileFetcher.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(5))
            .RemoveAllResilienceHandlers();

        // The stand-ins' callers present Dify app keys and the ERP gateway key, which the MCS API-key scheme (run on every
        // request as the default) rejects at Information before the stand-in checks them itself: one line per call.
        builder.LogWarningsOnlyUnlessConfigured(typeof(ApiKeyAuthenticationHandler).FullName!);

        builder.Services.AddSingleton<ErpOrderStore>();
        builder.Services.AddSingleton<ErpBehaviorState>();

        builder.Services.AddSingleton<SmtpSinkInbox>();
        builder.Services.AddSingleton<SmtpSinkMessageStore>();
        builder.Services.AddHostedService<SmtpSinkService>();

        builder.Services.AddOptions<DemoMailboxOptions>().BindConfiguration(DemoMailboxOptions.SectionName);
        builder.Services.AddHostedService<DemoMailboxSeeder>();
        return builder;
    }

    public static WebApplication MapMocksEndpoints(this WebApplication app)
    {
        // Load the ERP store at start: a corrupt file should stop the stand-in now, not fail the first order.
        app.Services.GetRequiredService<ErpOrderStore>();
        app.MapDifyEndpoints();
        app.MapErpEndpoints();
        app.MapMockAdminEndpoints();
        return app;
    }
}
