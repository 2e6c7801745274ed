using Microsoft.EntityFrameworkCore;

namespace Mcs.ServiceDefaults.Schema;

/// <summary>How <see cref="MigrationsBeforeTraffic{TContext}"/> runs for one context; each service configures its own.</summary>
public sealed class MigrationsBeforeTrafficOptions<TContext>
    where TContext : DbContext
{
    /// <summary>False leaves the schema to someone else (a test or tool that migrated already); dependents start at once.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The service's own step once the schema exists (e.g. seeding sample data); gets a fresh scope.</summary>
    public Func<IServiceProvider, CancellationToken, Task>? AfterMigrating { get; set; }

    /// <summary>
    /// True keeps retrying a failed migration (doubling the delay up to <see cref="MaxRetryDelay"/>) instead of failing the
    /// start; for a service that should outlast a database slower to come up than the execution strategy waits.
    /// </summary>
    public bool RetryUntilMigrated { get; set; }

    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
}
