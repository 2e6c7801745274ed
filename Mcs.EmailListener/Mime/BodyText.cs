using MimeKit;

namespace Mcs.EmailListener.Mime;

/// <summary>
/// The readable text of a message: the plain-text body, else the HTML body as text. Text whose bytes are valid
/// multi-byte UTF-8 is read as UTF-8 even when the sender declared GB2312 (a common mislabel: decoding it as GBK
/// produces mojibake, while GBK text is almost never valid UTF-8).
/// </summary>
internal static class BodyText
{
    public static string? Of(MimeMessage message)
    {
        var plain = FindBodyPart(message.Body, html: false);
        if (plain is not null)
        {
            return Decode(plain);
        }
        var html = FindBodyPart(message.Body, html: true);
        return html is null ? null : HtmlText.ToPlainText(Decode(html));
    }

    private static TextPart? FindBodyPart(MimeEntity? entity, bool html) => entity switch
    {
        TextPart { IsAttachment: false } text when text.FileName is null && (html ? text.IsHtml : text.IsPlain || text.IsFlowed) => text,
        MultipartAlternative alternative => alternative.Reverse().Select(child => FindBodyPart(child, html)).FirstOrDefault(found => found is not null),
        Multipart multipart => multipart.Select(child => FindBodyPart(child, html)).FirstOrDefault(found => found is not null),
        _ => null,
    };

    private static string Decode(TextPart part)
    {
        if (part.Content is null)
        {
            return "";
        }
        using var stream = new MemoryStream();
        part.Content.DecodeTo(stream);
        var bytes = stream.GetBuffer().AsSpan(0, (int)stream.Length);
        var declared = part.ContentType.Charset;
        var declaredUtf8 = declared is null || declared.Equals("utf-8", StringComparison.OrdinalIgnoreCase);
        if (!declaredUtf8 && !System.Text.Ascii.IsValid(bytes) && System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return System.Text.Encoding.UTF8.GetString(bytes);
        }
        return part.Text;
    }
}
