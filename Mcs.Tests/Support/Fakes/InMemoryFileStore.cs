using System.Collections.Concurrent;
using System.Security.Cryptography;
using Mcs.Orchestrator.Adapters.FileStore;

namespace Mcs.Tests.Support.Fakes;

public sealed class InMemoryFileStore : IFileStore
{
    private readonly ConcurrentDictionary<string, StoredFileContent> _files = new();

    public int Count => _files.Count;

    public Task<StoredFile> PutAsync(ReadOnlyMemory<byte> content, string fileName, string contentType, CancellationToken cancellationToken)
    {
        var id = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        var file = new StoredFile(id, id, content.Length, fileName, contentType);
        _files.TryAdd(id, new StoredFileContent(file, content.ToArray()));
        return Task.FromResult(file);
    }

    public Task<StoredFileContent?> GetAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(_files.TryGetValue(id, out var file) ? file : null);

    public Uri CreateSignedUrl(string id, TimeSpan? ttl = null) => new($"http://127.0.0.1/v1/files/{id}?expires=1&sig=x");
}
