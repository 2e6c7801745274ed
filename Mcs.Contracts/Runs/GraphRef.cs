namespace Mcs.Contracts.Runs;

public sealed record GraphRef(string Name, int Version);
