using System.Text;

namespace Mcs.EmailListener.Mime;

/// <summary>
/// The MIME type of an attachment from its bytes, not its name or declared type: senders label PDFs
/// <c>application/octet-stream</c>, and a file named <c>.pdf</c> may be anything.
/// </summary>
public static class ContentTypeSniffer
{
    public const string OctetStream = "application/octet-stream";

    private static readonly (byte[] Magic, int Offset, string Type)[] Signatures =
    [
        ("%PDF-"u8.ToArray(), 0, "application/pdf"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], 0, "image/png"),
        ([0xFF, 0xD8, 0xFF], 0, "image/jpeg"),
        ("GIF87a"u8.ToArray(), 0, "image/gif"),
        ("GIF89a"u8.ToArray(), 0, "image/gif"),
        ("BM"u8.ToArray(), 0, "image/bmp"),
        ([0x49, 0x49, 0x2A, 0x00], 0, "image/tiff"),
        ([0x4D, 0x4D, 0x00, 0x2A], 0, "image/tiff"),
        ("WEBP"u8.ToArray(), 8, "image/webp"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], 0, "application/x-ole-storage"),
        ([0x78, 0x9F, 0x3E, 0x22], 0, "application/ms-tnef"),
        ([0x1F, 0x8B], 0, "application/gzip"),
        ("Rar!"u8.ToArray(), 0, "application/vnd.rar"),
        ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], 0, "application/x-7z-compressed"),
        ("{\\rtf"u8.ToArray(), 0, "application/rtf"),
    ];

    public static string Detect(ReadOnlySpan<byte> content)
    {
        foreach (var (magic, offset, type) in Signatures)
        {
            if (content.Length >= offset + magic.Length && content.Slice(offset, magic.Length).SequenceEqual(magic))
            {
                return type;
            }
        }
        if (content.StartsWith("PK\u0003\u0004"u8))
        {
            return DetectZipFamily(content);
        }
        if (!LooksLikeText(content))
        {
            return OctetStream;
        }
        var start = Encoding.UTF8.GetString(content[..Math.Min(content.Length, 512)]).TrimStart().ToLowerInvariant();
        return start.StartsWith("<!doctype html", StringComparison.Ordinal) || start.StartsWith("<html", StringComparison.Ordinal) ? "text/html" : "text/plain";
    }

    // Office Open XML files are zip archives; their first entries name the document kind.
    private static string DetectZipFamily(ReadOnlySpan<byte> content)
    {
        var head = Encoding.ASCII.GetString(content[..Math.Min(content.Length, 4096)]);
        return head switch
        {
            _ when head.Contains("word/", StringComparison.Ordinal) => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            _ when head.Contains("xl/", StringComparison.Ordinal) => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            _ when head.Contains("ppt/", StringComparison.Ordinal) => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            _ => "application/zip",
        };
    }

    private static bool LooksLikeText(ReadOnlySpan<byte> content)
    {
        if (content.IsEmpty)
        {
            return false;
        }
        var sample = content[..Math.Min(content.Length, 8192)];
        if (sample.Length < content.Length)
        {
            // A sample cut in the middle of a multi-byte character is still text: drop the partial character.
            var end = sample.Length;
            while (end > 0 && end > sample.Length - 4 && (sample[end - 1] & 0xC0) == 0x80)
            {
                end--;
            }
            if (end > 0 && (sample[end - 1] & 0xC0) == 0xC0)
            {
                end--;
            }
            sample = sample[..end];
        }
        return !sample.Contains((byte)0) && System.Text.Unicode.Utf8.IsValid(sample);
    }
}
