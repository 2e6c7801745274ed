using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mcs.ServiceDefaults.Schema;

/// <summary>Registers the migrate-before-traffic hosted service and its health check for one DbContext.</summary>
public static class MigrationsHostingExtensions
{
    /// <summary>
    /// Adds <see cref="MigrationsBeforeTraffic{TContext}"/> (a singleton, so workers can await its <c>Completed</c>) as a
    /// hosted service, and the health check <paramref name="healthCheckName"/>. Register it before the hosted services
    /// that need the schema, so it starts first.
    /// </summary>
    public static OptionsBuilder<MigrationsBeforeTrafficOptions<TContext>> AddMigrationsBeforeTraffic<TContext>(
        this IServiceCollection services, string healthCheckName)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<MigrationsBeforeTraffic<TContext>>();
        services.AddHostedService(sp => sp.GetRequiredService<MigrationsBeforeTraffic<TContext>>());
        services.AddHealthChecks().AddCheck<MigrationHealthCheck<TContext>>(healthCheckName);
        return services.AddOptions<MigrationsBeforeTrafficOptions<TContext>>();
    }
}
