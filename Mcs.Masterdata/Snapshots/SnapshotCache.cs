using System.Diagnostics;

namespace Mcs.Masterdata.Snapshots;

/// <summary>
/// The current snapshot, through two cache levels: memory (L1, the latest entry) and Redis (L2, keyed by version).
/// Every read first asks PostgreSQL for the current version (<see cref="VersionProbe"/>), so after a write returns no
/// replica serves an older snapshot; only when the version moved is Redis, then PostgreSQL, asked for the data.
/// </summary>
public sealed class SnapshotCache(VersionProbe probe, SnapshotLoader loader, RedisSnapshotStore redis, MasterdataMetrics metrics, MasterdataLog log)
{
    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private volatile SnapshotEntry? _current;

    /// <summary>The version as of now (one shared round trip to PostgreSQL).</summary>
    public Task<long> CurrentVersionAsync() => probe.GetAsync();

    public async Task<SnapshotEntry> GetAsync(CancellationToken cancellationToken)
    {
        var version = await probe.GetAsync();
        if (_current is { } hit && hit.Version >= version)
        {
            metrics.L1Hit();
            return hit;
        }
        // One rebuild at a time: readers that queued behind it find the fresh entry in L1.
        await _rebuild.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } fresh && fresh.Version >= version)
            {
                metrics.L1Hit();
                return fresh;
            }
            var entry = await FromRedisAsync(version) ?? await FromDatabaseAsync(cancellationToken);
            _current = entry;
            return entry;
        }
        finally
        {
            _rebuild.Release();
        }
    }

    private async Task<SnapshotEntry?> FromRedisAsync(long version)
    {
        var gzip = await redis.GetGzipAsync(version);
        if (gzip is null)
        {
            return null;
        }
        metrics.L2Hit();
        return await SnapshotLoader.FromGzipAsync(gzip);
    }

    private async Task<SnapshotEntry> FromDatabaseAsync(CancellationToken cancellationToken)
    {
        metrics.Miss();
        var started = Stopwatch.GetTimestamp();
        var entry = await loader.LoadAsync(cancellationToken);
        log.SnapshotBuilt(entry.Version, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, entry.Json.Length);
        await redis.SetGzipAsync(entry.Version, entry.Gzip);
        return entry;
    }
}
