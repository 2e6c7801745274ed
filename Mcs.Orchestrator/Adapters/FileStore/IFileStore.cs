namespace Mcs.Orchestrator.Adapters.FileStore;

/// <summary>
/// Content-addressed store for attachments and raw messages: the id of a file is its SHA-256 (lower-case hex), so
/// putting the same bytes twice stores them once. Graph state keeps only ids, never bytes.
/// </summary>
public interface IFileStore
{
    Task<StoredFile> PutAsync(ReadOnlyMemory<byte> content, string fileName, string contentType, CancellationToken cancellationToken);

    /// <summary>The file with its bytes, or null when no file has this id.</summary>
    Task<StoredFileContent?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// An absolute URL of <c>GET /v1/files/{id}</c> signed with HMAC-SHA256 that expires after <paramref name="ttl"/>
    /// (default <see cref="FileStoreOptions.UrlTtl"/>); the signature is the only credential.
    /// </summary>
    Uri CreateSignedUrl(string id, TimeSpan? ttl = null);
}
