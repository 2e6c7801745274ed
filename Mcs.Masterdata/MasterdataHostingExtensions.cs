using Mcs.Contracts;
using Mcs.Masterdata.Data;
using Mcs.Masterdata.Endpoints;
using Mcs.Masterdata.Import;
using Mcs.Masterdata.Snapshots;
using Mcs.Masterdata.Writes;
using Mcs.ServiceDefaults.Schema;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Mcs.Masterdata;

/// <summary>Registers everything Mcs.Masterdata needs (options, data, clients, hosted services) and maps its endpoints.</summary>
public static class MasterdataHostingExtensions
{
    public const string VersionProbeDataSource = "masterdata-version-probe";

    public static IHostApplicationBuilder AddMasterdata(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MasterdataOptions>()
            .BindConfiguration(MasterdataOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.AddNpgsqlDbContext<MasterdataDbContext>(ServiceNames.MasterdataDb);
        var connectionString = builder.Configuration.GetConnectionString(ServiceNames.MasterdataDb)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ServiceNames.MasterdataDb} is not set.");
        // A separate small pool for the version probe, so reads never queue behind EF's pool during a bulk write.
        builder.Services.AddKeyedSingleton(VersionProbeDataSource, (_, _) => VersionProbe.CreateDataSource(connectionString));
        // Redis is optional: without a connection string the cache is memory-only.
        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(ServiceNames.Redis)))
        {
            builder.AddRedisClient(ServiceNames.Redis,
                settings => settings.DisableHealthChecks = true, // ours says degraded, not unhealthy (Redis is a cache)
                options =>
                {
                    options.AbortOnConnectFail = false;
                    options.ConnectTimeout = 2000;
                    options.SyncTimeout = 1000;
                    options.AsyncTimeout = 1000;
                });
        }

        builder.Services.AddSingleton<MasterdataLog>();
        builder.Services.AddSingleton<MasterdataMetrics>();
        builder.Services.AddSingleton(sp => new VersionProbe(sp.GetRequiredKeyedService<NpgsqlDataSource>(VersionProbeDataSource)));
        builder.Services.AddSingleton<SnapshotLoader>();
        builder.Services.AddSingleton<RedisSnapshotStore>();
        builder.Services.AddSingleton<SnapshotCache>();
        builder.Services.AddScoped<MasterdataStore>();
        builder.Services.AddScoped<MasterdataImporter>();
        builder.Services.AddScoped<SampleDataSeeder>();
        builder.Services.AddMigrationsBeforeTraffic<MasterdataDbContext>("masterdata-migrations")
            .Configure<IOptions<MasterdataOptions>>((migration, masterdata) =>
            {
                if (masterdata.Value.SeedSampleDataWhenEmpty)
                {
                    migration.AfterMigrating = (scope, ct) => scope.GetRequiredService<SampleDataSeeder>().SeedIfEmptyAsync(ct);
                }
            });

        builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis");
        return builder;
    }

    public static WebApplication MapMasterdataEndpoints(this WebApplication app)
    {
        app.MapMasterdataRoutes();
        return app;
    }
}
