namespace Mcs.Masterdata;

/// <summary>Log messages of Mcs.Masterdata.</summary>
public sealed partial class MasterdataLog(ILogger<MasterdataLog> logger)
{
    [LoggerMessage(1, LogLevel.Warning, "Redis unavailable, serving from PostgreSQL and memory: {Kind} {Message}")]
    public partial void RedisUnavailable(string kind, string message);

    [LoggerMessage(2, LogLevel.Information, "Snapshot version {Version} built from PostgreSQL in {Milliseconds} ms ({Bytes} bytes of JSON)")]
    public partial void SnapshotBuilt(long version, long milliseconds, int bytes);

    [LoggerMessage(4, LogLevel.Information, "Sample data loaded from {Folder}: version {Version}, {Rows} rows")]
    public partial void SampleDataSeeded(string folder, long version, int rows);

    [LoggerMessage(5, LogLevel.Information, "Sample data not loaded: the database already holds master data (version {Version})")]
    public partial void SampleDataSkipped(long version);

    [LoggerMessage(6, LogLevel.Information, "Master data changed: version {Version} ({Created} created, {Updated} updated, {Deleted} deleted)")]
    public partial void Changed(long version, int created, int updated, int deleted);
}
