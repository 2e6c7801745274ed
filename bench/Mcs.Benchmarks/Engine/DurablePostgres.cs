using System.Diagnostics;
using System.Globalization;
using Mcs.Benchmarks.Masterdata;
using Mcs.LocalServers;
using Npgsql;

namespace Mcs.Benchmarks.Engine;

/// <summary>
/// A throwaway PostgreSQL server for the engine benchmark with production durability: fsync, synchronous_commit and
/// full_page_writes ON (unlike the tests' server), holding an empty <c>engine_bench</c> database. Killed when disposed.
/// </summary>
internal sealed class DurablePostgres : IAsyncDisposable
{
    private readonly PostgresServer _server;

    private DurablePostgres(PostgresServer server) => _server = server;

    public int Port => _server.Port;

    public int ServerProcessId => _server.ProcessId;

    public string ConnectionString(string database) =>
        _server.ConnectionString(database, "Maximum Pool Size=80;Max Auto Prepare=64;Auto Prepare Min Usages=2;No Reset On Close=true");

    public static async Task<DurablePostgres> StartAsync()
    {
        var server = await PostgresServer.StartAsync(new()
        {
            ParentFolder = BenchServers.ParentFolder, Durable = true, MaxConnections = 200, SharedBuffers = "256MB",
        });
        await server.CreateDatabaseAsync("engine_bench");
        return new DurablePostgres(server);
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
        var info = new ProcessStartInfo(Path.Combine(PostgresServer.BinFolder, "pgbench")) { RedirectStandardOutput = true, RedirectStandardError = true };
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

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
