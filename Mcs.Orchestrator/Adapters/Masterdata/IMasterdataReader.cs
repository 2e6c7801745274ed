namespace Mcs.Orchestrator.Adapters.Masterdata;

/// <summary>
/// The current master data through a version-checked cache (<c>ETag</c>/<c>If-None-Match</c>). When the masterdata
/// service cannot be reached, the last good snapshot is served with <see cref="MasterdataRead.IsStale"/> set; with
/// no snapshot at all it throws <see cref="MasterdataUnavailableException"/> (retryable).
/// </summary>
public interface IMasterdataReader
{
    Task<MasterdataRead> GetSnapshotAsync(CancellationToken cancellationToken);
}
