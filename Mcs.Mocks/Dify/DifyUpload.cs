namespace Mcs.Mocks.Dify;

/// <summary>A file uploaded through <c>/v1/files/upload</c>, kept in memory with its owner (<c>user</c>).</summary>
public sealed record DifyUpload(
    Guid Id,
    string Name,
    string Extension,
    string MimeType,
    string User,
    byte[] Content,
    string Sha256,
    long CreatedAt);
