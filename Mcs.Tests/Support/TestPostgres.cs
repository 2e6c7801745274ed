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
                // Kept after the run: the server is killed when the test process exits, its folder goes with the test root (TestRoot).
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
