using System.Globalization;
using Npgsql;

namespace Mcs.LocalServers;

/// <summary>
/// A real PostgreSQL server from the machine's Debian binaries (initdb into a fresh folder, then postgres on a free
/// loopback port, trust auth for user postgres). Started as user postgres when running as root, since postgres
/// refuses to run as root. Killed (and its folder deleted, unless told not to) on dispose or when the process exits.
/// </summary>
public sealed class PostgresServer : FolderServer
{
    private PostgresServer(LocalServerProcess process, string root, bool deleteOnDispose)
        : base(process, root, deleteOnDispose)
    {
    }

    /// <summary>The folder of the newest installed PostgreSQL's binaries (initdb, postgres, pgbench).</summary>
    public static string BinFolder =>
        Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).OrderDescending().First();

    public static async Task<PostgresServer> StartAsync(PostgresServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var root = Path.Combine(options.ParentFolder, $"pg-{Environment.ProcessId}-{Guid.NewGuid():N}"[..24]);
        var data = Path.Combine(root, "data");
        Directory.CreateDirectory(root);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            ProcessRunner.Run("chown", "-R", "postgres:postgres", root);
        }
        // --no-sync only skips initdb's own flush; a throwaway test server never needs it.
        string[] noSync = options.Durable ? [] : ["--no-sync"];
        ProcessRunner.Run(AsPostgresUser(asRoot, [Path.Combine(BinFolder, "initdb"), "-D", data, "-U", "postgres", "--auth=trust", .. noSync, "--no-locale", "-E", "UTF8"]));
        var port = LocalServerProcess.FreePort();
        var durability = options.Durable ? "on" : "off";
        List<string> command =
        [
            Path.Combine(BinFolder, "postgres"), "-D", data, "-p", port.ToString(CultureInfo.InvariantCulture), "-k", root,
            "-c", "listen_addresses=127.0.0.1", "-c", $"fsync={durability}", "-c", $"synchronous_commit={durability}",
            "-c", $"full_page_writes={durability}", "-c", $"max_connections={options.MaxConnections}",
        ];
        if (options.SharedBuffers is { } sharedBuffers)
        {
            command.AddRange(["-c", $"shared_buffers={sharedBuffers}"]);
        }
        var args = AsPostgresUser(asRoot, [.. command]);
        var server = new PostgresServer(LocalServerProcess.Start(args[0], args.Skip(1), port), root, options.DeleteOnDispose);
        await LocalServerProcess.WaitForPortAsync(port, TimeSpan.FromSeconds(30));
        await server.WaitUntilAcceptingAsync();
        return server;
    }

    /// <summary>A connection string for user postgres; <paramref name="extra"/> is appended as is (pool size and the like).</summary>
    public string ConnectionString(string database, string extra = "") =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Password=postgres;Database={database}" + (extra.Length == 0 ? "" : ";" + extra);

    /// <summary>Creates an empty database named <paramref name="name"/> (not quoted for case: pass lower case).</summary>
    public async Task CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres", "Pooling=false"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"create database \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
    }

    // PostgreSQL opens its port slightly before it accepts logins (the startup checkpoint still runs).
    private async Task WaitUntilAcceptingAsync()
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString("postgres", "Pooling=false"));
                await connection.OpenAsync();
                return;
            }
            catch (NpgsqlException) when (attempt < 150)
            {
                await Task.Delay(100);
            }
        }
    }

    private static string[] AsPostgresUser(bool asRoot, string[] command) =>
        asRoot ? ["setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups", .. command] : command;
}
