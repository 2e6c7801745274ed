using System.Diagnostics;
using Npgsql;

namespace Mcs.Tests.Support;

/// <summary>
/// One real PostgreSQL server for the whole test run (initdb into a temp folder, fsync off: tests need speed, not
/// durability), started on first use. Every test class asks for its own fresh database, so tests never share rows.
/// </summary>
public static class TestPostgres
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static LocalServerProcess? _server;
    private static string? _root;

    public static string Root => _root ?? throw new InvalidOperationException("Not started.");

    /// <summary>The server's connection string (database <c>postgres</c>).</summary>
    public static async Task<string> ServerConnectionStringAsync()
    {
        await EnsureStartedAsync();
        return ConnectionString("postgres");
    }

    /// <summary>Creates a new empty database and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix)
    {
        await EnsureStartedAsync();
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)].ToLowerInvariant();
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"create database \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    private static string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={_server!.Port};Username=postgres;Password=postgres;Database={database};Maximum Pool Size=50";

    private static async Task EnsureStartedAsync()
    {
        if (_server is { HasExited: false })
        {
            return;
        }
        await Gate.WaitAsync();
        try
        {
            if (_server is { HasExited: false })
            {
                return;
            }
            var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).OrderDescending().First();
            _root = Path.Combine("/var/tmp/mcs-tests", $"pg-{Environment.ProcessId}-{Guid.NewGuid():N}"[..24]);
            var data = Path.Combine(_root, "data");
            Directory.CreateDirectory(_root);
            var asRoot = Environment.UserName == "root";
            if (asRoot)
            {
                Run("chown", "-R", "postgres:postgres", _root);
            }
            Run(Wrap(asRoot, Path.Combine(bin, "initdb"), "-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "--no-locale", "-E", "UTF8"));
            var port = LocalServerProcess.FreePort();
            var args = Wrap(asRoot, Path.Combine(bin, "postgres"), "-D", data, "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "-k", _root, "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "synchronous_commit=off",
                "-c", "full_page_writes=off", "-c", "max_connections=400");
            _server = LocalServerProcess.Start(args[0], args.Skip(1), port);
            await LocalServerProcess.WaitForPortAsync(port, TimeSpan.FromSeconds(30));
            await WaitUntilAcceptingAsync();
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task WaitUntilAcceptingAsync()
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
                await connection.OpenAsync();
                return;
            }
            catch (NpgsqlException) when (attempt < 100)
            {
                await Task.Delay(100);
            }
        }
    }

    private static string[] Wrap(bool asRoot, params string[] command) =>
        asRoot ? ["setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups", .. command] : command;

    private static void Run(params string[] command)
    {
        var info = new ProcessStartInfo(command[0]) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in command.Skip(1))
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', command)} failed: {error}");
        }
    }
}
