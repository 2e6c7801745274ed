namespace Mcs.Orchestrator.Adapters.FileStore;

public enum FileStoreKind
{
    /// <summary>Files under <see cref="FileStoreOptions.Directory"/> (default; one volume per replica set).</summary>
    Disk,

    /// <summary>Files in a table <c>file_store_files</c> of the orchestrator database (shared by all replicas).</summary>
    Postgres,
}
