using Mcs.Contracts.Email;
using MimeKit;
using MimeKit.Tnef;

namespace Mcs.EmailListener.Mime;

/// <summary>
/// Walks a message's MIME tree and lists every attachment: named or non-text leaves, attached messages (kept whole,
/// and their own attachments listed as <c>from_forwarded</c>), and the files inside TNEF (winmail.dat). Body text
/// parts are not attachments. Size limits are applied here so nothing is dropped without an <c>omitted_reason</c>.
/// </summary>
internal sealed class AttachmentCollector(EmailListenerOptions options, string rawSha256)
{
    public const string AttachmentTooLarge = "attachment_too_large";
    public const string InlineTotalExceeded = "inline_total_exceeded";

    // Deeply nested forwards are legitimate but unbounded nesting is an attack; 8 levels is far beyond real mail.
    private const int MaxDepth = 8;

    private readonly List<EmailAttachment> _attachments = [];
    private long _inlineBytes;

    public List<MimeMessage> EmbeddedMessages { get; } = [];

    /// <summary>The body of a TNEF part, for Outlook mail whose only text is inside winmail.dat.</summary>
    public string? TnefBodyText { get; private set; }

    public IReadOnlyList<EmailAttachment> Collect(MimeMessage message)
    {
        Walk(message.Body, fromForwarded: false, depth: 0, bodyParts: new HashSet<MimeEntity>(message.BodyParts.Where(IsBodyText(message))));
        return _attachments;
    }

    private static Func<MimeEntity, bool> IsBodyText(MimeMessage message)
    {
        // The parts MimeKit would show as the message text (TextBody/HtmlBody) are the body, not attachments.
        var text = message.TextBody;
        var html = message.HtmlBody;
        return entity => entity is TextPart { IsAttachment: false } part && part.FileName is null
            && (part.IsPlain || part.IsHtml || part.IsEnriched || part.IsFlowed)
            && (text is not null || html is not null);
    }

    private void Walk(MimeEntity? entity, bool fromForwarded, int depth, HashSet<MimeEntity> bodyParts)
    {
        if (entity is null || depth > MaxDepth)
        {
            return;
        }
        switch (entity)
        {
            case Multipart multipart:
                foreach (var child in multipart)
                {
                    Walk(child, fromForwarded, depth + 1, bodyParts);
                }
                break;
            case MessagePart { Message: { } inner } messagePart:
                EmbeddedMessages.Add(inner);
                AddMessage(messagePart, inner, fromForwarded);
                Walk(inner.Body, fromForwarded: true, depth + 1, new HashSet<MimeEntity>(inner.BodyParts.Where(IsBodyText(inner))));
                break;
            case TnefPart tnef:
                AddTnef(tnef, fromForwarded, depth);
                break;
            case MimePart part when !bodyParts.Contains(part) && IsAttachment(part):
                Add(part.FileName ?? part.ContentType.Name, part.ContentType.MimeType, Decode(part), fromForwarded);
                break;
        }
    }

    private static bool IsAttachment(MimePart part) =>
        part.IsAttachment || part.FileName is not null || part.ContentType.Name is not null || part is not TextPart;

    private void AddTnef(TnefPart tnef, bool fromForwarded, int depth)
    {
        MimeMessage converted;
        try
        {
            converted = tnef.ConvertToMessage();
        }
        catch (Exception exception) when (exception is TnefException or FormatException or InvalidOperationException)
        {
            // A corrupt winmail.dat is still listed as it came, so a person can look at it.
            Add(tnef.FileName ?? "winmail.dat", tnef.ContentType.MimeType, Decode(tnef), fromForwarded);
            return;
        }
        TnefBodyText ??= converted.TextBody ?? (converted.HtmlBody is { } html ? HtmlText.ToPlainText(html) : null);
        Walk(converted.Body, fromForwarded, depth + 1, new HashSet<MimeEntity>(converted.BodyParts.Where(IsBodyText(converted))));
    }

    private void AddMessage(MessagePart part, MimeMessage message, bool fromForwarded)
    {
        using var stream = new MemoryStream();
        message.WriteTo(FormatOptions.Default, stream);
        var name = part.ContentDisposition?.FileName ?? part.ContentType.Name ?? FileNames.ForSubject(message.Subject);
        Add(name, part.ContentType.MimeType, stream.ToArray(), fromForwarded, detectedType: "message/rfc822");
    }

    private static byte[] Decode(MimePart part)
    {
        if (part.Content is null)
        {
            return [];
        }
        using var stream = new MemoryStream();
        part.Content.DecodeTo(stream);
        return stream.ToArray();
    }

    private void Add(string? filename, string declaredType, byte[] content, bool fromForwarded, string? detectedType = null)
    {
        var index = _attachments.Count;
        var detected = detectedType ?? ContentTypeSniffer.Detect(content);
        string? omitted = null;
        if (content.LongLength > options.MaxAttachmentBytes)
        {
            omitted = AttachmentTooLarge;
        }
        else if (_inlineBytes + content.LongLength > options.MaxInlineAttachmentBytes)
        {
            omitted = InlineTotalExceeded;
        }
        else
        {
            _inlineBytes += content.LongLength;
        }
        _attachments.Add(new EmailAttachment
        {
            AttachmentId = $"{rawSha256[..16]}-{index}",
            Filename = string.IsNullOrWhiteSpace(filename) ? FileNames.Fallback(index, detected) : FileNames.Clean(filename),
            ContentType = declaredType,
            DetectedType = detected,
            Size = content.LongLength,
            Sha256 = MailIdentity.Sha256Hex(content),
            FromForwarded = fromForwarded,
            ContentBase64 = omitted is null ? Convert.ToBase64String(content) : null,
            OmittedReason = omitted,
        });
    }
}
