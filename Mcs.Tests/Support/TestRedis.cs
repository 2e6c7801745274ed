namespace Mcs.Tests.Support;

/// <summary>
/// A real redis-server per test class (cheap to start), which a test may stop and start again on the same port to
/// prove behaviour while Redis is down.
/// </summary>
public sealed class TestRedis : IAsyncDisposable
{
    private LocalServerProcess? _server;

    public int Port { get; } = LocalServerProcess.FreePort();

    public string ConnectionString => $"127.0.0.1:{Port},abortConnect=false,connectTimeout=1000,syncTimeout=1000";

    public static async Task<TestRedis> StartAsync()
    {
        var redis = new TestRedis();
        await redis.StartAgainAsync();
        return redis;
    }

    public async Task StartAgainAsync()
    {
        _server = LocalServerProcess.Start("/usr/bin/redis-server",
            ["--bind", "127.0.0.1", "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--save", "", "--appendonly", "no"], Port);
        await LocalServerProcess.WaitForPortAsync(Port, TimeSpan.FromSeconds(10));
    }

    public void Stop() => _server?.Kill();

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
