namespace Mcs.EmailListener.Mime;

/// <summary>Attachment names as a person would want to see them, whatever the sender's mail program wrote.</summary>
internal static class FileNames
{
    private static readonly Dictionary<string, string> Extensions = new(StringComparer.Ordinal)
    {
        ["application/pdf"] = ".pdf",
        ["image/png"] = ".png",
        ["image/jpeg"] = ".jpg",
        ["image/gif"] = ".gif",
        ["text/plain"] = ".txt",
        ["message/rfc822"] = ".eml",
        ["application/zip"] = ".zip",
    };

    public static string Fallback(int index, string detectedType) =>
        $"attachment-{index + 1}{Extensions.GetValueOrDefault(detectedType, ".bin")}";

    public static string ForSubject(string? subject)
    {
        var name = Clean(string.IsNullOrWhiteSpace(subject) ? "message" : subject);
        return (name.Length > 100 ? name[..100] : name) + ".eml";
    }

    /// <summary>Path parts and control characters removed: a name is a label, never a path.</summary>
    public static string Clean(string name)
    {
        var chars = name.Trim().Select(c => char.IsControl(c) || c is '/' or '\\' ? '_' : c).ToArray();
        var cleaned = new string(chars).Trim();
        return cleaned.Length == 0 ? "attachment" : cleaned;
    }
}
