namespace Mcs.Orchestrator.Adapters.Dify;

public enum DifyFileTransfer
{
    /// <summary>Upload to Dify first, reference by <c>upload_file_id</c> (default; no network fetch by Dify).</summary>
    LocalFile,

    /// <summary>Pass a signed URL of our file store; only where Dify's SSRF proxy can reach the orchestrator.</summary>
    RemoteUrl,
}
