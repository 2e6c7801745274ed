using Microsoft.Extensions.Caching.Memory;

namespace Mcs.Orchestrator.Adapters.FileStore;

/// <summary>
/// Keeps the files of the last few seconds' runs in memory in front of the real store. A run stores its PDF at intake
/// and reads it back twice within seconds (detect_contract_signal, upload_pdf); on disk each read is two opens and two
/// reads (file and sidecar), about a fifth of the orchestrator's CPU per run at load (ADR-066). Ids are SHA-256 of the
/// bytes, so an entry can never be stale and replicas need no invalidation: a file is the same everywhere or absent.
/// </summary>
public sealed class RecentFilesCache(IFileStore inner, long sizeLimitBytes, TimeSpan timeToLive) : IFileStore, IDisposable
{
    // An entry's bookkeeping (key, metadata, cache entry) counted on top of its bytes.
    private const int EntryOverheadBytes = 512;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = sizeLimitBytes, CompactionPercentage = 0.25 });

    public async Task<StoredFile> PutAsync(ReadOnlyMemory<byte> content, string fileName, string contentType, CancellationToken cancellationToken)
    {
        var stored = await inner.PutAsync(content, fileName, contentType, cancellationToken);
        // The caller keeps its buffer; the cache holds its own copy.
        Remember(new StoredFileContent(stored, content.ToArray()));
        return stored;
    }

    public async Task<StoredFileContent?> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(id, out StoredFileContent? cached))
        {
            return cached;
        }
        var file = await inner.GetAsync(id, cancellationToken);
        if (file is not null)
        {
            Remember(file);
        }
        return file;
    }

    public Uri CreateSignedUrl(string id, TimeSpan? ttl = null) => inner.CreateSignedUrl(id, ttl);

    public void Dispose() => _cache.Dispose();

    // A file larger than the whole cache is simply not kept (MemoryCache refuses an entry over its size limit).
    private void Remember(StoredFileContent file) =>
        _cache.Set(file.File.Id, file, new MemoryCacheEntryOptions { Size = file.Content.Length + EntryOverheadBytes, AbsoluteExpirationRelativeToNow = timeToLive });
}
