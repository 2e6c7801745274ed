namespace Mcs.Orchestrator.Adapters.Dify;

/// <summary>A file uploaded to Dify (<c>POST /files/upload</c>, 201).</summary>
public sealed record DifyUploadedFile(string Id, string Name, long Size);
