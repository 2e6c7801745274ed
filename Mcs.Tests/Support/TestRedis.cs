namespace Mcs.Tests.Support;

/// <summary>
/// A real redis-server per test class (cheap to start), which a test may stop and start again on the same port to
/// prove behaviour while Redis is down.
/// </summary>
public sealed class TestRedis : IAsyncDisposable
{
    private readonly RedisServer _server;

    private TestRedis(RedisServer server) => _server = server;

    public int Port => _server.Port;

    // Short timeouts: a test that stops Redis must see the fallback within seconds.
    public string ConnectionString => $"127.0.0.1:{Port},abortConnect=false,connectTimeout=1000,syncTimeout=1000";

    public static async Task<TestRedis> StartAsync() => new(await RedisServer.StartAsync());

    public Task StartAgainAsync() => _server.StartAgainAsync();

    public void Stop() => _server.Stop();

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
