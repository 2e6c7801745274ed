using System.ComponentModel.DataAnnotations;

namespace Mcs.Orchestrator.Adapters.FileStore;

/// <summary>Configuration section "FileStore".</summary>
public sealed class FileStoreOptions
{
    public const string SectionName = "FileStore";

    public FileStoreKind Kind { get; set; } = FileStoreKind.Disk;

    /// <summary>Root folder for <see cref="FileStoreKind.Disk"/>; relative paths are under the content root.</summary>
    public string Directory { get; set; } = "data/files";

    /// <summary>
    /// HMAC key for signed URLs (at least 32 characters). Rotate it to revoke every URL handed out. Unset: a random
    /// key per process, so URLs die with the process and differ between replicas (fine for one local instance only).
    /// </summary>
    [MinLength(32)]
    public string? SigningKey { get; set; }

    [Range(typeof(TimeSpan), "00:00:05", "7.00:00:00")]
    public TimeSpan UrlTtl { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The orchestrator's address as Dify sees it, e.g. <c>https://mcs.example.com</c>. Needed only when signed URLs
    /// are handed out (Dify:FileTransfer=RemoteUrl).
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }
}
