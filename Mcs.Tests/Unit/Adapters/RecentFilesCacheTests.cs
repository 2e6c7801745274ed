using Mcs.Orchestrator.Adapters.FileStore;
using Mcs.Tests.Support.Fakes;

namespace Mcs.Tests.Unit.Adapters;

/// <summary>The files of the last runs are read from memory; what the store answers never changes.</summary>
public sealed class RecentFilesCacheTests : IDisposable
{
    private static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n"u8.ToArray();
    private readonly CountingStore _store = new();
    private readonly RecentFilesCache _cache;

    public RecentFilesCacheTests() => _cache = new RecentFilesCache(_store, 1024 * 1024, TimeSpan.FromMinutes(2));

    public void Dispose() => _cache.Dispose();

    [Fact]
    public async Task A_file_read_back_after_it_was_stored_comes_from_memory_with_its_bytes_and_name()
    {
        var stored = await _cache.PutAsync(Pdf, "合同.pdf", "application/pdf", default);

        var first = await _cache.GetAsync(stored.Id, default);
        var second = await _cache.GetAsync(stored.Id, default);

        Assert.Equal(0, _store.Gets);
        Assert.Equal(Pdf, first!.Content.ToArray());
        Assert.Equal(stored, second!.File);
        Assert.Equal("合同.pdf", second.File.FileName);
    }

    [Fact]
    public async Task A_file_stored_before_is_read_from_the_store_once_then_from_memory()
    {
        var stored = await _store.PutAsync(Pdf, "po.pdf", "application/pdf", default);

        await _cache.GetAsync(stored.Id, default);
        var again = await _cache.GetAsync(stored.Id, default);

        Assert.Equal(1, _store.Gets);
        Assert.Equal(Pdf, again!.Content.ToArray());
    }

    [Fact]
    public async Task Changing_the_callers_buffer_after_put_does_not_change_the_kept_file()
    {
        var buffer = Pdf.ToArray();
        var stored = await _cache.PutAsync(buffer, "po.pdf", "application/pdf", default);

        buffer[0] = (byte)'X';

        Assert.Equal(Pdf, (await _cache.GetAsync(stored.Id, default))!.Content.ToArray());
    }

    [Fact]
    public async Task The_first_stored_name_wins_as_in_the_store()
    {
        await _cache.PutAsync(Pdf, "first.pdf", "application/pdf", default);
        var second = await _cache.PutAsync(Pdf, "second.pdf", "application/pdf", default);

        Assert.Equal("first.pdf", second.FileName);
        Assert.Equal("first.pdf", (await _cache.GetAsync(second.Id, default))!.File.FileName);
    }

    [Fact]
    public async Task A_file_larger_than_the_cache_is_always_read_from_the_store()
    {
        using var small = new RecentFilesCache(_store, 1024, TimeSpan.FromMinutes(2));
        var large = new byte[4096];
        Pdf.CopyTo(large, 0);
        var stored = await small.PutAsync(large, "big.pdf", "application/pdf", default);

        await small.GetAsync(stored.Id, default);
        var again = await small.GetAsync(stored.Id, default);

        Assert.Equal(2, _store.Gets);
        Assert.Equal(large, again!.Content.ToArray());
    }

    [Fact]
    public async Task An_unknown_id_is_null_and_is_found_once_it_is_stored()
    {
        var id = new string('a', 64);
        Assert.Null(await _cache.GetAsync(id, default));

        var stored = await _cache.PutAsync(Pdf, "po.pdf", "application/pdf", default);

        Assert.NotNull(await _cache.GetAsync(stored.Id, default));
    }

    // The in-memory store keeps the first writer's metadata, as both real stores do.
    private sealed class CountingStore : IFileStore
    {
        private readonly InMemoryFileStore _inner = new();

        public int Gets { get; private set; }

        public async Task<StoredFile> PutAsync(ReadOnlyMemory<byte> content, string fileName, string contentType, CancellationToken cancellationToken) =>
            (await _inner.GetAsync(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content.Span)), cancellationToken))?.File
            ?? await _inner.PutAsync(content, fileName, contentType, cancellationToken);

        public Task<StoredFileContent?> GetAsync(string id, CancellationToken cancellationToken)
        {
            Gets++;
            return _inner.GetAsync(id, cancellationToken);
        }

        public Uri CreateSignedUrl(string id, TimeSpan? ttl = null) => _inner.CreateSignedUrl(id, ttl);
    }
}
