using Mcs.LocalServers;

namespace Mcs.Benchmarks.Masterdata;

/// <summary>
/// A local PostgreSQL with production durability (fsync on: a benchmark measures what production would see) holding
/// an empty <c>masterdata</c> database, and a redis-server; both on free loopback ports, killed on dispose.
/// </summary>
public sealed class BenchServers : IAsyncDisposable
{
    /// <summary>Where every benchmark server keeps its files.</summary>
    public const string ParentFolder = "/var/tmp/mcs-bench";

    private PostgresServer? _postgres;
    private RedisServer? _redis;

    public string PostgresConnectionString { get; private set; } = "";
    public string RedisConnectionString { get; private set; } = "";

    public async Task StartAsync()
    {
        _postgres = await PostgresServer.StartAsync(new()
        {
            ParentFolder = ParentFolder, Durable = true, MaxConnections = 200, SharedBuffers = "256MB",
        });
        _redis = await RedisServer.StartAsync();
        await _postgres.CreateDatabaseAsync("masterdata");
        PostgresConnectionString = _postgres.ConnectionString("masterdata", "Maximum Pool Size=50");
        RedisConnectionString = $"127.0.0.1:{_redis.Port},abortConnect=false";
    }

    public async ValueTask DisposeAsync()
    {
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }
}
