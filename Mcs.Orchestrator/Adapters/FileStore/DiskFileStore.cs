using System.Security.Cryptography;
using System.Text.Json;
using Mcs.Contracts;
using Microsoft.Extensions.Options;

namespace Mcs.Orchestrator.Adapters.FileStore;

/// <summary>
/// Files on disk under <c>{Directory}/{id[0..2]}/{id}</c> with a JSON sidecar for name and type. Writes go to a temp
/// file first and are moved into place, so a reader never sees half a file and two writers of the same bytes agree.
/// </summary>
public sealed class DiskFileStore(IOptions<FileStoreOptions> options, IHostEnvironment environment, FileUrlSigner signer) : IFileStore
{
    private readonly string _root = Path.GetFullPath(options.Value.Directory, environment.ContentRootPath);

    public async Task<StoredFile> PutAsync(ReadOnlyMemory<byte> content, string fileName, string contentType, CancellationToken cancellationToken)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        var file = new StoredFile(sha, sha, content.Length, fileName, contentType);
        var path = DataPath(sha);
        if (File.Exists(path))
        {
            return await ReadMetadataAsync(sha, cancellationToken) ?? file;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await WriteAtomicallyAsync(MetadataPath(sha), JsonSerializer.SerializeToUtf8Bytes(file, McsJson.Options), cancellationToken);
        await WriteAtomicallyAsync(path, content, cancellationToken);
        return file;
    }

    public async Task<StoredFileContent?> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (!FileStoreIds.IsValid(id) || !File.Exists(DataPath(id)))
        {
            return null;
        }
        var bytes = await File.ReadAllBytesAsync(DataPath(id), cancellationToken);
        var file = await ReadMetadataAsync(id, cancellationToken) ?? new StoredFile(id, id, bytes.Length, id, "application/octet-stream");
        return new StoredFileContent(file, bytes);
    }

    public Uri CreateSignedUrl(string id, TimeSpan? ttl = null) => signer.CreateUrl(id, ttl);

    private async Task<StoredFile?> ReadMetadataAsync(string id, CancellationToken cancellationToken)
    {
        var path = MetadataPath(id);
        if (!File.Exists(path))
        {
            return null;
        }
        // A few hundred bytes: one read, then parse from memory (a streaming parse costs more than the file).
        var json = await File.ReadAllBytesAsync(path, cancellationToken);
        return JsonSerializer.Deserialize<StoredFile>(json, McsJson.Options);
    }

    private static async Task WriteAtomicallyAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(temp, content, cancellationToken);
        try
        {
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Someone stored the same bytes first; theirs are identical (same SHA-256).
            File.Delete(temp);
        }
    }

    private string DataPath(string id) => Path.Combine(_root, id[..2], id);

    private string MetadataPath(string id) => DataPath(id) + ".json";
}
