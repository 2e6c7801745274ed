namespace Mcs.Orchestrator.Adapters.FileStore;

public sealed record StoredFileContent(StoredFile File, ReadOnlyMemory<byte> Content);
