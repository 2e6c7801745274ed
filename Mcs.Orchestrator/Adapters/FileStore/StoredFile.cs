namespace Mcs.Orchestrator.Adapters.FileStore;

/// <summary>What the store knows about a file. <see cref="Id"/> equals <see cref="Sha256"/> (lower-case hex).</summary>
public sealed record StoredFile(string Id, string Sha256, long Size, string FileName, string ContentType);
