using System.ComponentModel.DataAnnotations;

namespace Mcs.Masterdata;

/// <summary>Settings of the master data service (section <c>Masterdata</c>).</summary>
public sealed class MasterdataOptions
{
    public const string SectionName = "Masterdata";

    /// <summary>Load the sample data set (SampleData/) when the database holds no master data yet (demo, AppHost).</summary>
    public bool SeedSampleDataWhenEmpty { get; set; }

    /// <summary>Folder of the sample data set; relative paths are resolved against the app's base directory.</summary>
    [Required]
    public string SampleDataPath { get; set; } = "SampleData";

    /// <summary>Largest accepted request body for writes and imports (a full 100,000-product bulk is about 25 MB).</summary>
    [Range(1024, 1L << 31)]
    public long MaxBodyBytes { get; set; } = 64L << 20;

    /// <summary>How long a snapshot stays in Redis; only the current version is ever read, so this just bounds garbage.</summary>
    [Range(1, 7 * 24 * 60)]
    public int RedisSnapshotTtlMinutes { get; set; } = 60;

    /// <summary>Bound on one Redis call; past it the request goes on without Redis (PostgreSQL and memory).</summary>
    [Range(50, 30_000)]
    public int RedisTimeoutMilliseconds { get; set; } = 1000;
}
