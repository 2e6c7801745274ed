namespace Mcs.Orchestrator.Adapters.FileStore;

/// <summary>File ids are lower-case SHA-256 hex; anything else is rejected before it can reach a path or a query.</summary>
public static class FileStoreIds
{
    public static bool IsValid(string? id) =>
        id is { Length: 64 } && id.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
}
