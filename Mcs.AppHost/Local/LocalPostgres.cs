using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Mcs.AppHost.Local;

/// <summary>
/// PostgreSQL from the Debian binaries: initialised on first start (initdb refuses root, so as the postgres user via
/// setpriv), reused after; durable defaults (fsync on) unless <c>Mcs:Postgres:Fsync=false</c> (test fixtures).
/// </summary>
public static class LocalPostgres
{
    public static IResourceBuilder<LocalServerResource> AddLocalPostgres(this IDistributedApplicationBuilder builder, string name, LocalInfraOptions options)
    {
        var bin = LocalBinaries.PostgresBinDirectory();
        var home = Path.Combine(options.DataRoot, "postgres");
        var dataDir = Path.Combine(home, "data");
        var socketDir = Path.Combine(home, "run");
        var postgres = Path.Combine(bin, "postgres");
        var serverArgs = new List<string>
        {
            "-D", dataDir, "-p", options.PostgresPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-k", socketDir, "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300",
            "-c", "shared_buffers=256MB", "-c", $"fsync={(options.PostgresFsync ? "on" : "off")}",
            "-c", $"synchronous_commit={(options.PostgresFsync ? "on" : "off")}",
        };
        var (command, args) = AsPostgresUser(postgres, serverArgs);
        var resource = new LocalServerResource(name, command, home, options.PostgresPort,
            port => $"Host=127.0.0.1;Port={port};Username=postgres;Password=postgres");
        var healthKey = $"{name}-ready";
        builder.Services.AddHealthChecks().Add(new(healthKey,
            _ => new DelegateHealthCheck(ct => ProbeAsync(ConnectionString(options.PostgresPort, "postgres"), ct), "PostgreSQL"), null, null));

        var server = builder.AddResource(resource)
            .WithArgs([.. args])
            .WithEndpoint(name: "tcp", port: options.PostgresPort, targetPort: options.PostgresPort, scheme: "tcp", isProxied: false)
            .WithHealthCheck(healthKey)
            .ExcludeFromManifest();
        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(resource, async (_, ct) =>
        {
            await ProcessRunner.EnsureOwnedFolderAsync(home, "postgres", ct);
            Directory.CreateDirectory(socketDir);
            if (!File.Exists(Path.Combine(dataDir, "PG_VERSION")))
            {
                var (initCommand, initArgs) = AsPostgresUser(Path.Combine(bin, "initdb"),
                    ["-D", dataDir, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--no-locale"]);
                await ProcessRunner.RunAsync(initCommand, initArgs, ct);
            }
            if (LocalBinaries.IsRoot)
            {
                await ProcessRunner.RunAsync("chown", ["-R", "postgres:postgres", socketDir], ct);
            }
        });
        return server;
    }

    public static IResourceBuilder<LocalDatabaseResource> AddLocalDatabase(this IResourceBuilder<LocalServerResource> server, string name)
    {
        var builder = server.ApplicationBuilder;
        var database = new LocalDatabaseResource(name, name, server.Resource);
        var healthKey = $"{name}-ready";
        builder.Services.AddHealthChecks().Add(new(healthKey,
            _ => new DelegateHealthCheck(ct => ProbeAsync(ConnectionString(server.Resource.Port, name), ct), $"database {name}"), null, null));
        builder.Eventing.Subscribe<ResourceReadyEvent>(server.Resource, async (evt, ct) =>
        {
            await CreateDatabaseIfMissingAsync(server.Resource.Port, name, ct);
            var notifications = evt.Services.GetRequiredService<ResourceNotificationService>();
            await notifications.PublishUpdateAsync(database, state => state with { State = KnownResourceStates.Running, StartTimeStamp = DateTime.UtcNow });
        });
        return builder.AddResource(database)
            .WithInitialState(new CustomResourceSnapshot { ResourceType = "PostgresDatabase", State = KnownResourceStates.Waiting, Properties = [] })
            .WithHealthCheck(healthKey)
            .ExcludeFromManifest();
    }

    private static (string Command, List<string> Args) AsPostgresUser(string program, List<string> args) =>
        LocalBinaries.IsRoot
            // PostgreSQL refuses to run as root; setpriv execs in place, so DCP still tracks the postmaster's pid.
            ? ("setpriv", ["--reuid=postgres", "--regid=postgres", "--init-groups", program, .. args])
            : (program, args);

    private static string ConnectionString(int port, string database) =>
        $"Host=127.0.0.1;Port={port};Username=postgres;Password=postgres;Database={database};Pooling=false;Timeout=3";

    private static async Task<bool> ProbeAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("select 1", connection);
        return (int)(await command.ExecuteScalarAsync(cancellationToken) ?? 0) == 1;
    }

    private static async Task CreateDatabaseIfMissingAsync(int port, string database, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(port, "postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            // The name comes from ServiceNames constants, never from input; identifiers cannot be parameters.
            await using var create = new NpgsqlCommand($"create database \"{database}\"", connection);
            try
            {
                await create.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
                // Another subscriber created it first.
            }
        }
    }
}
