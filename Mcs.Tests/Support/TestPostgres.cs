namespace Mcs.Tests.Support;

/// <summary>
/// One real PostgreSQL server for the whole test run (under the test root, durability off: tests need speed, not
/// durability), started on first use. Every test class asks for its own fresh database, so tests never share rows.
/// </summary>
public static class TestPostgres
{
    private const string Pooling = "Maximum Pool Size=50";
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static PostgresServer? _server;

    public static string Root => _server?.Root ?? throw new InvalidOperationException("Not started.");

    /// <summary>The server's connection string (database <c>postgres</c>).</summary>
    public static async Task<string> ServerConnectionStringAsync()
    {
        var server = await EnsureStartedAsync();
        return server.ConnectionString("postgres", Pooling);
    }

    /// <summary>Creates a new empty database and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix)
    {
        var server = await EnsureStartedAsync();
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)].ToLowerInvariant();
        await server.CreateDatabaseAsync(name);
        return server.ConnectionString(name, Pooling);
    }

    /// <summary>Ends and removes each <c>pg-{pid}-…</c> server folder whose test process (the pid) no longer runs.</summary>
    private static void ReapServersOfEndedRuns()
    {
        if (!Directory.Exists(TestRoot.Path))
        {
            return;
        }
        foreach (var folder in Directory.EnumerateDirectories(TestRoot.Path, "pg-*"))
        {
            var owner = Path.GetFileName(folder).Split('-')[1];
            if (!int.TryParse(owner, out var ownerPid) || Directory.Exists($"/proc/{ownerPid}"))
            {
                continue;
            }
            try
            {
                // postmaster.pid's first line is the server's pid; backends exit when the postmaster is gone.
                var pidFile = Path.Combine(folder, "data", "postmaster.pid");
                if (File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).First(), out var serverPid))
                {
                    using var server = System.Diagnostics.Process.GetProcessById(serverPid);
                    server.Kill();
                    server.WaitForExit(TimeSpan.FromSeconds(5));
                }
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                // Gone already, or still busy: the next run tries again.
            }
        }
    }

    private static async Task<PostgresServer> EnsureStartedAsync()
    {
        if (_server is { HasExited: false } running)
        {
            return running;
        }
        await Gate.WaitAsync();
        try
        {
            if (_server is not { HasExited: false })
            {
                // One server for the whole run: no test owns it and the test host gives no reliable exit hook, so
                // each run first ends the servers of earlier test processes that are gone (./test.sh also ends
                // everything under its run's test root).
                ReapServersOfEndedRuns();
                _server = await PostgresServer.StartAsync(new()
                {
                    ParentFolder = TestRoot.Path, Durable = false, MaxConnections = 400, DeleteOnDispose = false,
                });
            }
            return _server;
        }
        finally
        {
            Gate.Release();
        }
    }
}
