namespace Mcs.Orchestrator.Graphs.SalesEmail;

/// <summary>An attachment by reference: <see cref="FileId"/> is its file-store id (null when the listener omitted the content).</summary>
public sealed record AttachmentRef
{
    public required string AttachmentId { get; init; }
    public required string Filename { get; init; }
    public required string ContentType { get; init; }
    public required string DetectedType { get; init; }
    public required long Size { get; init; }
    public required string Sha256 { get; init; }
    public bool FromForwarded { get; init; }
    public string? FileId { get; init; }
    public string? OmittedReason { get; init; }
}
