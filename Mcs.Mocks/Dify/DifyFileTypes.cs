namespace Mcs.Mocks.Dify;

/// <summary>
/// Dify's file type detector (<c>standardize_file_type</c>): by extension first, then by MIME type; anything it does
/// not know is <c>custom</c>. The type a caller declares must equal what this detects.
/// </summary>
public static class DifyFileTypes
{
    public const string Document = "document";
    public const string Image = "image";
    public const string Audio = "audio";
    public const string Video = "video";
    public const string Custom = "custom";

    private static readonly HashSet<string> DocumentExtensions =
        ["pdf", "txt", "md", "markdown", "mdx", "html", "htm", "xlsx", "xls", "doc", "docx", "csv", "eml", "msg", "pptx", "ppt", "xml", "epub", "vtt", "properties"];

    private static readonly HashSet<string> ImageExtensions = ["jpg", "jpeg", "png", "webp", "gif", "svg"];
    private static readonly HashSet<string> AudioExtensions = ["mp3", "m4a", "wav", "amr", "mpga"];
    private static readonly HashSet<string> VideoExtensions = ["mp4", "mov", "mpeg", "webm"];

    public static string Detect(string extension, string? mimeType)
    {
        var ext = extension.TrimStart('.').ToLowerInvariant();
        if (DocumentExtensions.Contains(ext))
        {
            return Document;
        }
        if (ImageExtensions.Contains(ext))
        {
            return Image;
        }
        if (AudioExtensions.Contains(ext))
        {
            return Audio;
        }
        if (VideoExtensions.Contains(ext))
        {
            return Video;
        }
        var mime = (mimeType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        return mime switch
        {
            "application/pdf" or "text/plain" or "text/html" or "text/csv" or "text/markdown" => Document,
            _ when mime.StartsWith("image/", StringComparison.Ordinal) => Image,
            _ when mime.StartsWith("audio/", StringComparison.Ordinal) => Audio,
            _ when mime.StartsWith("video/", StringComparison.Ordinal) => Video,
            _ => Custom,
        };
    }

    public static string ExtensionOf(string fileName)
    {
        var ext = Path.GetExtension(fileName);
        return string.IsNullOrEmpty(ext) ? "" : ext.TrimStart('.').ToLowerInvariant();
    }
}
