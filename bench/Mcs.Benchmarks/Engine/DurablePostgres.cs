using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Mcs.Benchmarks.Engine;

/// <summary>
/// A throwaway PostgreSQL server for the engine benchmark with production durability: fsync, synchronous_commit and
/// full_page_writes ON (unlike the tests' server). Killed when disposed.
/// </summary>
internal sealed class DurablePostgres : IAsyncDisposable
{
    private readonly Process _server;
    private readonly string _root;

    private DurablePostgres(Process server, string root, int port)
    {
        _server = server;
        _root = root;
        Port = port;
    }

    public int Port { get; }

    public int ServerProcessId => _server.Id;

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Maximum Pool Size=80;Max Auto Prepare=64;Auto Prepare Min Usages=2;No Reset On Close=true";

    public static async Task<DurablePostgres> StartAsync()
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).OrderDescending().First();
        var root = Path.Combine("/var/tmp/mcs-bench", $"pg-{Environment.ProcessId}-{Guid.NewGuid():N}"[..24]);
        var data = Path.Combine(root, "data");
        Directory.CreateDirectory(root);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            Run("chown", "-R", "postgres:postgres", root);
        }
        Run(Wrap(asRoot, Path.Combine(bin, "initdb"), "-D", data, "-U", "postgres", "--auth=trust", "--no-locale", "-E", "UTF8"));
        var port = FreePort();
        var args = Wrap(asRoot, Path.Combine(bin, "postgres"), "-D", data, "-p", port.ToString(CultureInfo.InvariantCulture), "-k", root,
            "-c", "listen_addresses=127.0.0.1", "-c", "fsync=on", "-c", "synchronous_commit=on", "-c", "full_page_writes=on",
            "-c", "max_connections=200", "-c", "shared_buffers=256MB");
        var info = new ProcessStartInfo(args[0]) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in args.Skip(1))
        {
            info.ArgumentList.Add(argument);
        }
        var server = Process.Start(info)!;
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        var postgres = new DurablePostgres(server, root, port);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(postgres.ConnectionString("postgres") + ";Pooling=false");
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand("create database engine_bench", connection);
                await command.ExecuteNonQueryAsync();
                return postgres;
            }
            catch (Exception) when (attempt < 150)
            {
                await Task.Delay(200);
            }
        }
    }

    public async Task<string> SettingAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("engine_bench"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"show {name}", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>pgbench with a two-insert transaction on the same server: the ceiling under the machine's current load.</summary>
    public async Task<string> PgbenchTwoInsertsAsync(int clients, int seconds)
    {
        await using (var connection = new NpgsqlConnection(ConnectionString("engine_bench")))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("create table if not exists bench_a (id bigserial primary key, v int); create table if not exists bench_b (id bigserial primary key, v int)", connection);
            await command.ExecuteNonQueryAsync();
        }
        var script = Path.Combine(Path.GetTempPath(), $"two-inserts-{Guid.NewGuid():N}.sql");
        await File.WriteAllTextAsync(script, "begin;\ninsert into bench_a (v) values (1);\ninsert into bench_b (v) values (2);\ncommit;\n");
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).OrderDescending().First();
        var info = new ProcessStartInfo(Path.Combine(bin, "pgbench")) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres", "-n", "-M", "prepared",
            "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", "2", "-T", seconds.ToString(CultureInfo.InvariantCulture), "-f", script, "engine_bench" })
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        File.Delete(script);
        return output.Split('\n').FirstOrDefault(l => l.StartsWith("tps", StringComparison.Ordinal))?.Trim() ?? "pgbench gave no tps line";
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            _server.Kill(entireProcessTree: true);
            _server.WaitForExit(10_000);
            Directory.Delete(_root, recursive: true);
        }
        catch (Exception exception) when (exception is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            // Already gone or still held; /var/tmp is cleaned by the machine.
        }
        _server.Dispose();
        return ValueTask.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
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
