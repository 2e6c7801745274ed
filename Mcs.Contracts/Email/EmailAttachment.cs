namespace Mcs.Contracts.Email;

/// <summary>
/// One attachment of a mail. Nothing is dropped silently: an attachment over the size limit is listed with
/// <see cref="OmittedReason"/> and no content.
/// </summary>
public sealed record EmailAttachment
{
    public required string AttachmentId { get; init; }
    public required string Filename { get; init; }
    /// <summary>The MIME type as the sender declared it.</summary>
    public required string ContentType { get; init; }
    /// <summary>The MIME type detected from the bytes (e.g. application/pdf).</summary>
    public required string DetectedType { get; init; }
    public required long Size { get; init; }
    public required string Sha256 { get; init; }
    public bool FromForwarded { get; init; }
    public string? ContentBase64 { get; init; }
    public string? OmittedReason { get; init; }
}
