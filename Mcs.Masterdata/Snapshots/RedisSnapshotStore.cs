using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Mcs.Masterdata.Snapshots;

/// <summary>
/// The L2 cache: gzip-encoded snapshot JSON per version in Redis, shared by replicas. Best effort by design: when
/// Redis is absent, disconnected or slow, calls answer "nothing" quickly and the caller uses PostgreSQL; the
/// multiplexer reconnects by itself, and the health check reports <c>degraded</c> meanwhile.
/// </summary>
public sealed class RedisSnapshotStore(IServiceProvider services, IOptions<MasterdataOptions> options, MasterdataLog log)
{
    private const string KeyPrefix = "mcs:masterdata:snapshot:";
    private readonly IConnectionMultiplexer? _redis = services.GetService(typeof(IConnectionMultiplexer)) as IConnectionMultiplexer;

    public bool IsConfigured => _redis is not null;

    public bool IsConnected => _redis?.IsConnected == true;

    public async Task<byte[]?> GetGzipAsync(long version)
    {
        if (_redis is not { IsConnected: true })
        {
            return null;
        }
        try
        {
            var value = await _redis.GetDatabase().StringGetAsync(KeyPrefix + version).WaitAsync(Timeout);
            return value.HasValue ? (byte[]?)value : null;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            log.RedisUnavailable(e.GetType().Name, e.Message);
            return null;
        }
    }

    public async Task SetGzipAsync(long version, byte[] gzip)
    {
        if (_redis is not { IsConnected: true })
        {
            return;
        }
        try
        {
            var ttl = TimeSpan.FromMinutes(options.Value.RedisSnapshotTtlMinutes);
            await _redis.GetDatabase().StringSetAsync(KeyPrefix + version, gzip, ttl).WaitAsync(Timeout);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            log.RedisUnavailable(e.GetType().Name, e.Message);
        }
    }

    public async Task<TimeSpan?> PingAsync()
    {
        if (_redis is not { IsConnected: true })
        {
            return null;
        }
        try
        {
            return await _redis.GetDatabase().PingAsync().WaitAsync(Timeout);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return null;
        }
    }

    private TimeSpan Timeout => TimeSpan.FromMilliseconds(options.Value.RedisTimeoutMilliseconds);
}
