namespace Mcs.Mocks.Dify;

/// <summary>What fetching a <c>remote_url</c> file gave: name and MIME as Dify derives them, and the bytes when 2xx.</summary>
public sealed record RemoteFile(string Url, string Name, string? MimeType, int StatusCode, byte[]? Content);
