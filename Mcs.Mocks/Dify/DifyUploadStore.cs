using Microsoft.Extensions.Options;

namespace Mcs.Mocks.Dify;

/// <summary>
/// Uploaded files by id; a run may use one only with the same <c>user</c> that uploaded it (Dify 2025+). At most
/// <see cref="MocksOptions.DifyRetainedUploads"/> are kept, oldest evicted: a run uses its upload right after it.
/// </summary>
public sealed class DifyUploadStore(IOptions<MocksOptions> options)
{
    private readonly BoundedMap<Guid, DifyUpload> _uploads = new(options.Value.DifyRetainedUploads);

    public int Count => _uploads.Count;

    public void Add(DifyUpload upload) => _uploads.Add(upload.Id, upload);

    public DifyUpload? Find(Guid id) => _uploads.Find(id);

    public void Clear() => _uploads.Clear();
}
