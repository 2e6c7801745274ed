using System.IO.Compression;
using Mcs.Contracts.MasterData;

namespace Mcs.Masterdata.Snapshots;

/// <summary>
/// One version of the master data, ready to serve: the object graph (lists sorted by id for cursor paging), its JSON
/// bytes, and the gzip/brotli encodings (computed once, see <see cref="EncodeAllAsync"/>) so <c>GET /all</c> never serializes.
/// </summary>
public sealed class SnapshotEntry
{
    private readonly Lazy<byte[]> _gzip;
    private readonly Lazy<byte[]> _brotli;

    public SnapshotEntry(MasterDataSnapshot snapshot, byte[] json, byte[]? gzip = null)
    {
        Snapshot = snapshot;
        Json = json;
        ETag = $"\"{snapshot.Version}\"";
        _gzip = gzip is null ? new(() => Compress(json, s => new GZipStream(s, CompressionLevel.Fastest))) : new(gzip);
        // Brotli at quality 4: about gzip's speed with a clearly smaller body (RFC 7932 levels 0-11).
        _brotli = new(() => Compress(json, s => new BrotliStream(s, new BrotliCompressionOptions { Quality = 4 })));
        ContactsByEmail = snapshot.Contacts.ToDictionary(c => c.Email.Trim().ToLowerInvariant(), StringComparer.Ordinal);
    }

    public long Version => Snapshot.Version;
    public MasterDataSnapshot Snapshot { get; }
    public string ETag { get; }
    public byte[] Json { get; }
    public byte[] Gzip => _gzip.Value;
    public byte[] Brotli => _brotli.Value;
    public IReadOnlyDictionary<string, Contact> ContactsByEmail { get; }

    /// <summary>
    /// Encodes gzip and brotli once, in parallel, before the entry is published: the first <c>GET /all</c> of a version
    /// then costs a byte copy like every other, instead of a 39 MB compression inside someone's request.
    /// </summary>
    public Task EncodeAllAsync() => Task.WhenAll(Task.Run(() => _gzip.Value), Task.Run(() => _brotli.Value));

    public static byte[] Decompress(byte[] gzip)
    {
        using var input = new GZipStream(new MemoryStream(gzip), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    private static byte[] Compress(byte[] data, Func<Stream, Stream> wrap)
    {
        using var output = new MemoryStream();
        using (var compressor = wrap(output))
        {
            compressor.Write(data);
        }
        return output.ToArray();
    }
}
