using System.Text;
using System.Text.RegularExpressions;
using MimeKit;

namespace Mcs.EmailListener.Mime;

/// <summary>
/// Loads raw bytes into a <see cref="MimeMessage"/>, repairing what real senders get wrong before MimeKit sees it:
/// old Mac mail with bare CR line ends, and headers written in raw 8-bit GB2312/Big5 instead of encoded-words
/// (decoded with the charset the message declares for its text, not as Latin-1).
/// </summary>
internal static partial class RawMimeLoader
{
    public static MimeMessage Load(byte[] raw)
    {
        var bytes = HasOnlyBareCarriageReturns(raw) ? ToLineFeeds(raw) : raw;
        var options = ParserOptions.Default;
        var headerEnd = HeaderLength(bytes);
        if (!Ascii.IsValid(bytes.AsSpan(0, headerEnd)) && !System.Text.Unicode.Utf8.IsValid(bytes.AsSpan(0, headerEnd))
            && DeclaredCharset(bytes) is { } encoding)
        {
            options = ParserOptions.Default.Clone();
            options.CharsetEncoding = encoding;
        }
        using var stream = new MemoryStream(bytes, writable: false);
        return MimeMessage.Load(options, stream);
    }

    private static bool HasOnlyBareCarriageReturns(byte[] raw)
    {
        var head = raw.AsSpan(0, Math.Min(raw.Length, 4096));
        return head.Contains((byte)'\r') && !head.Contains((byte)'\n');
    }

    private static byte[] ToLineFeeds(byte[] raw)
    {
        var copy = (byte[])raw.Clone();
        copy.AsSpan().Replace((byte)'\r', (byte)'\n');
        return copy;
    }

    private static int HeaderLength(byte[] bytes)
    {
        var span = bytes.AsSpan();
        var end = span.IndexOf("\n\n"u8);
        var crlf = span.IndexOf("\r\n\r\n"u8);
        var candidates = new[] { end, crlf }.Where(i => i >= 0).ToArray();
        return candidates.Length == 0 ? bytes.Length : candidates.Min();
    }

    private static Encoding? DeclaredCharset(byte[] bytes)
    {
        var text = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 64 * 1024));
        foreach (Match match in CharsetParameter().Matches(text))
        {
            var name = match.Groups["name"].Value;
            if (name.Equals("us-ascii", StringComparison.OrdinalIgnoreCase) || name.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            try
            {
                return Encoding.GetEncoding(name.Equals("gb2312", StringComparison.OrdinalIgnoreCase) ? "gb18030" : name);
            }
            catch (ArgumentException)
            {
                // An unknown charset name: try the next declaration.
            }
        }
        return null;
    }

    [GeneratedRegex("charset\\s*=\\s*\"?(?<name>[A-Za-z0-9_.:-]+)", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex CharsetParameter();
}
