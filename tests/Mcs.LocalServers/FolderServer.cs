namespace Mcs.LocalServers;

/// <summary>A server process that owns a folder of its own (data, config, sockets): both go on dispose.</summary>
public abstract class FolderServer(LocalServerProcess process, string root, bool deleteOnDispose) : IAsyncDisposable
{
    public int Port => process.Port;

    public int ProcessId => process.ProcessId;

    public bool HasExited => process.HasExited;

    /// <summary>The server's own folder.</summary>
    public string Root => root;

    public async ValueTask DisposeAsync()
    {
        await process.DisposeAsync();
        if (deleteOnDispose)
        {
            ProcessRunner.TryDeleteFolder(root);
        }
        GC.SuppressFinalize(this);
    }
}
