namespace Mcs.Contracts.MasterData;

public sealed record MasterDataVersion(long Version);
