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

    /// <summary>
    /// Memory for the files of the last runs, in front of the store (<see cref="RecentFilesCache"/>); 0 turns it off.
    /// At 50 runs/s of ~100 KB PDFs, 64 MB holds about the last 12 seconds.
    /// </summary>
    [Range(0L, 4L * 1024 * 1024 * 1024)]
    public long RecentFilesCacheBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>How long a file stays in <see cref="RecentFilesCacheBytes"/> at most (a run reads its PDF within seconds).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RecentFilesTimeToLive { get; set; } = TimeSpan.FromMinutes(2);
}
