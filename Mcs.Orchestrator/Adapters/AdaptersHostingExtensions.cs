using Mcs.Contracts;
using Mcs.Orchestrator.Adapters.Dify;
using Mcs.Orchestrator.Adapters.Erp;
using Mcs.Orchestrator.Adapters.FileStore;
using Mcs.Orchestrator.Adapters.Masterdata;
using Mcs.Orchestrator.Adapters.Similarity;
using Mcs.Orchestrator.Adapters.Smtp;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Mcs.Orchestrator.Adapters;

/// <summary>Registers the orchestrator's adapters to the outside world (Dify, ERP, SMTP, file store, masterdata, matching).</summary>
public static class AdaptersHostingExtensions
{
    public static IHostApplicationBuilder AddOrchestratorAdapters(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        AddValidatedOptions<DifyOptions>(services, DifyOptions.SectionName);
        AddValidatedOptions<ErpOptions>(services, ErpOptions.SectionName);
        AddValidatedOptions<SmtpOptions>(services, SmtpOptions.SectionName);
        AddValidatedOptions<FileStoreOptions>(services, FileStoreOptions.SectionName);
        AddValidatedOptions<MasterdataOptions>(services, MasterdataOptions.SectionName);
        AddValidatedOptions<SimilarityOptions>(services, SimilarityOptions.SectionName);
        // The masterdata service accepts the same platform key every MCS service is given.
        services.PostConfigure<MasterdataOptions>(options => options.ApiKey ??= builder.Configuration["Mcs:ApiKey"]);
        services.TryAddSingletonTimeProvider();

        // Dify and ERP retry themselves (classification needs the body; ERP resends need a lookup first), and a Dify
        // run can legitimately take minutes: the standard handler's 30 s total timeout and blind retries must go.
        services.AddHttpClient<IDifyWorkflowClient, DifyWorkflowClient>(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                ConnectTimeout = provider.GetRequiredService<IOptions<DifyOptions>>().Value.ConnectTimeout,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .RemoveAllResilienceHandlers();
        services.AddHttpClient<IErpGateway, ErpGatewayClient>(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllResilienceHandlers();
        // A down masterdata service must turn into "serve the stale snapshot" within RequestTimeout, not after retries.
        services.AddHttpClient(MasterdataReader.HttpClientName).RemoveAllResilienceHandlers();
        services.AddSingleton<IMasterdataReader, MasterdataReader>();

        services.AddSingleton<FileUrlSigner>();
        var fileStoreKind = builder.Configuration.GetSection(FileStoreOptions.SectionName).GetValue<FileStoreKind?>(nameof(FileStoreOptions.Kind))
            ?? FileStoreKind.Disk;
        if (fileStoreKind == FileStoreKind.Postgres)
        {
            var connectionString = builder.Configuration.GetConnectionString(ServiceNames.OrchestratorDb)
                ?? throw new InvalidOperationException($"FileStore:Kind=Postgres needs ConnectionStrings:{ServiceNames.OrchestratorDb}");
            services.AddKeyedSingleton(nameof(PostgresFileStore), (_, _) => NpgsqlDataSource.Create(connectionString));
            services.AddSingleton<IFileStore>(provider => new PostgresFileStore(
                provider.GetRequiredKeyedService<NpgsqlDataSource>(nameof(PostgresFileStore)), provider.GetRequiredService<FileUrlSigner>()));
        }
        else
        {
            services.AddSingleton<IFileStore, DiskFileStore>();
        }

        services.AddSingleton<NotificationTemplates>();
        services.AddSingleton<INotificationSender, SmtpNotificationSender>();
        services.AddSingleton<ICustomerNameMatcher, FuzzyCustomerNameMatcher>();
        return builder;
    }

    private static void AddValidatedOptions<TOptions>(IServiceCollection services, string section)
        where TOptions : class =>
        services.AddOptions<TOptions>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(descriptor => descriptor.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
