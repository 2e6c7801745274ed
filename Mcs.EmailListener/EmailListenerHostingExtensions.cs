using Mcs.Contracts;
using Mcs.EmailListener.Data;
using Mcs.EmailListener.Endpoints;
using Mcs.EmailListener.Hosting;
using Mcs.EmailListener.Imap;
using Mcs.EmailListener.Mime;
using Mcs.EmailListener.Outbox;
using Mcs.EmailListener.Recording;
using Mcs.ServiceDefaults.Schema;
using Microsoft.Extensions.Options;

namespace Mcs.EmailListener;

/// <summary>Registers everything Mcs.EmailListener needs (options, data, clients, hosted services) and maps its endpoints.</summary>
public static class EmailListenerHostingExtensions
{
    public static IHostApplicationBuilder AddEmailListener(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EmailListenerOptions>().BindConfiguration(EmailListenerOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<OrchestratorOptions>().BindConfiguration(OrchestratorOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        builder.AddNpgsqlDbContext<EmailListenerDbContext>(ServiceNames.EmailListenerDb);

        // The outbox is the retry mechanism (durable, with backoff); a second retry layer in the HTTP pipeline would
        // only multiply attempts and hide the real outcome from the record.
        builder.Services.AddHttpClient<OrchestratorClient>((services, http) =>
        {
            var orchestrator = services.GetRequiredService<IOptions<OrchestratorOptions>>().Value;
            http.BaseAddress = new Uri(orchestrator.BaseUrl.TrimEnd('/') + "/");
            http.Timeout = orchestrator.RequestTimeout;
        }).RemoveAllResilienceHandlers();

        builder.Services.AddSingleton<EmailEventFactory>();
        builder.Services.AddSingleton<EmailListenerMetrics>();
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<MailboxWakeSignals>();
        builder.Services.AddSingleton<IMailboxSessionFactory, MailKitMailboxSessionFactory>();
        builder.Services.AddScoped<MailRecorder>();
        builder.Services.AddScoped<MailboxSynchronizer>();
        builder.Services.AddSingleton<OutboxProcessor>();

        // Keeps retrying rather than failing the start: the listener outlasts a database that comes up late.
        builder.Services.AddMigrationsBeforeTraffic<EmailListenerDbContext>("database-migration")
            .Configure(migration => migration.RetryUntilMigrated = true);
        builder.Services.AddHostedService<OutboxDispatcher>();
        AddMailboxWatchers(builder);

        // A singleton, so its start time is the listener's (health checks are otherwise created per run).
        builder.Services.AddSingleton<MailboxSyncHealthCheck>();
        builder.Services.AddHealthChecks()
            .AddCheck<MailboxSyncHealthCheck>("mailboxes");

        builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource("MailKit.Net.ImapClient"))
            .WithMetrics(metrics => metrics.AddMeter("mailkit.net.imap"));
        return builder;
    }

    public static WebApplication MapEmailListenerEndpoints(this WebApplication app)
    {
        app.MapEmailEndpoints();
        return app;
    }

    // One BackgroundService per configured mailbox, so one stuck mailbox never holds up another.
    private static void AddMailboxWatchers(IHostApplicationBuilder builder)
    {
        var mailboxes = builder.Configuration.GetSection(EmailListenerOptions.SectionName).Get<EmailListenerOptions>()?.Mailboxes ?? [];
        foreach (var name in mailboxes.Select(m => m.Name))
        {
            builder.Services.AddSingleton<IHostedService>(services => ActivatorUtilities.CreateInstance<ImapMailboxWatcher>(services,
                services.GetRequiredService<IOptions<EmailListenerOptions>>().Value.Mailboxes.First(m => m.Name == name)));
        }
    }
}
