using System.Collections.Concurrent;

namespace Mcs.Mocks.Dify;

/// <summary>Uploaded files by id; a run may use one only with the same <c>user</c> that uploaded it (Dify 2025+).</summary>
public sealed class DifyUploadStore
{
    private readonly ConcurrentDictionary<Guid, DifyUpload> _uploads = new();

    public void Add(DifyUpload upload) => _uploads[upload.Id] = upload;

    public DifyUpload? Find(Guid id) => _uploads.GetValueOrDefault(id);

    public void Clear() => _uploads.Clear();
}
