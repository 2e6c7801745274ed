using Mcs.Contracts.MasterData;

namespace Mcs.Orchestrator.Adapters.Masterdata;

/// <summary>A snapshot and how fresh it is. <see cref="Warning"/> is set exactly when <see cref="IsStale"/>.</summary>
public sealed record MasterdataRead
{
    public required MasterDataSnapshot Snapshot { get; init; }
    public required bool IsStale { get; init; }
    public string? Warning { get; init; }

    /// <summary>When the service last confirmed this version (200 or 304).</summary>
    public required DateTimeOffset ConfirmedAt { get; init; }
}
