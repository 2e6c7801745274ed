using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Mcs.Orchestrator.Adapters.FileStore;

/// <summary>
/// HMAC-SHA256 signatures for <c>GET /v1/files/{id}?expires=&lt;unix seconds&gt;&amp;sig=&lt;base64url&gt;</c>. The
/// signature covers the id and the expiry, so neither can be changed; comparison is constant-time.
/// </summary>
public sealed class FileUrlSigner(IOptions<FileStoreOptions> options, TimeProvider timeProvider)
{
    public const string RoutePrefix = "v1/files";

    private readonly FileStoreOptions _options = options.Value;
    private readonly byte[] _key = string.IsNullOrEmpty(options.Value.SigningKey)
        ? RandomNumberGenerator.GetBytes(32)
        : Encoding.UTF8.GetBytes(options.Value.SigningKey);

    public Uri CreateUrl(string id, TimeSpan? ttl = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var expires = timeProvider.GetUtcNow().Add(ttl ?? _options.UrlTtl).ToUnixTimeSeconds();
        var root = _options.PublicBaseUrl?.AbsoluteUri.TrimEnd('/')
            ?? throw new InvalidOperationException("FileStore:PublicBaseUrl is not configured; signed file URLs need it.");
        var query = $"expires={expires.ToString(CultureInfo.InvariantCulture)}&sig={Sign(id, expires)}";
        return new Uri($"{root}/{RoutePrefix}/{Uri.EscapeDataString(id)}?{query}");
    }

    /// <summary>True when <paramref name="signature"/> was made by us for this id and expiry, and the expiry is still ahead.</summary>
    public bool IsValid(string id, string? expires, string? signature)
    {
        if (string.IsNullOrEmpty(expires) || string.IsNullOrEmpty(signature)
            || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var expiresAt))
        {
            return false;
        }
        if (timeProvider.GetUtcNow().ToUnixTimeSeconds() >= expiresAt)
        {
            return false;
        }
        var expected = Encoding.ASCII.GetBytes(Sign(id, expiresAt));
        var given = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    private string Sign(string id, long expires)
    {
        var message = Encoding.UTF8.GetBytes($"{id}\n{expires.ToString(CultureInfo.InvariantCulture)}");
        return Base64Url.EncodeToString(HMACSHA256.HashData(_key, message));
    }
}
