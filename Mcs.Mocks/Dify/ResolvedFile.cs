namespace Mcs.Mocks.Dify;

/// <summary>The file a run references, resolved to bytes where that was possible (a 4xx remote URL has none).</summary>
public sealed record ResolvedFile(string TransferMethod, string Name, byte[]? Content, string? Sha256, string? Url, int? RemoteStatus);
