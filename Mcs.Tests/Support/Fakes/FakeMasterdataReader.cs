using Mcs.Contracts.MasterData;
using Mcs.Orchestrator.Adapters.Masterdata;

namespace Mcs.Tests.Support.Fakes;

/// <summary>Serves a fixed snapshot; can pretend the service is down (stale snapshot) or was never reachable (throws).</summary>
public sealed class FakeMasterdataReader(MasterDataSnapshot snapshot) : IMasterdataReader
{
    public MasterDataSnapshot Snapshot { get; set; } = snapshot;

    public bool Stale { get; set; }

    public bool Unavailable { get; set; }

    public Task<MasterdataRead> GetSnapshotAsync(CancellationToken cancellationToken)
    {
        if (Unavailable)
        {
            throw new MasterdataUnavailableException("masterdata is down and no snapshot was ever loaded");
        }
        return Task.FromResult(new MasterdataRead
        {
            Snapshot = Snapshot, IsStale = Stale, Warning = Stale ? "stale" : null, ConfirmedAt = DateTimeOffset.UnixEpoch,
        });
    }
}
