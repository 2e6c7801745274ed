namespace Mcs.Orchestrator.Adapters.Dify;

/// <summary>
/// The contract PDF as a Dify file input (dify-api.md §2.3): an earlier upload (<c>local_file</c>, the default) or a
/// URL Dify fetches itself (<c>remote_url</c>, e.g. a signed file-store URL). Always sent with <c>type: document</c>.
/// </summary>
public sealed record DifyFileInput
{
    private DifyFileInput(string? uploadFileId, Uri? url)
    {
        UploadFileId = uploadFileId;
        Url = url;
    }

    public string? UploadFileId { get; }
    public Uri? Url { get; }

    public static DifyFileInput LocalFile(string uploadFileId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uploadFileId);
        return new DifyFileInput(uploadFileId, null);
    }

    public static DifyFileInput RemoteUrl(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return new DifyFileInput(null, url);
    }
}
