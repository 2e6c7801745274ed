using System.Globalization;

namespace Mcs.LocalServers;

/// <summary>
/// A real redis-server on a loopback port, without persistence. It may be stopped and started again on the same port,
/// to prove behaviour while Redis is down.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private LocalServerProcess? _process;

    public int Port { get; } = LocalServerProcess.FreePort();

    public static async Task<RedisServer> StartAsync()
    {
        var redis = new RedisServer();
        await redis.StartAgainAsync();
        return redis;
    }

    /// <summary>Starts redis-server on <see cref="Port"/> (again, after <see cref="Stop"/>), empty.</summary>
    public async Task StartAgainAsync()
    {
        _process = LocalServerProcess.Start("/usr/bin/redis-server",
            ["--bind", "127.0.0.1", "--port", Port.ToString(CultureInfo.InvariantCulture), "--save", "", "--appendonly", "no"], Port);
        await LocalServerProcess.WaitForPortAsync(Port, TimeSpan.FromSeconds(10));
    }

    public void Stop() => _process?.Kill();

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }
}
