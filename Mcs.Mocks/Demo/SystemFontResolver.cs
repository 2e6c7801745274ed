using PdfSharp.Fonts;

namespace Mcs.Mocks.Demo;

/// <summary>
/// Gives PDFsharp a font that covers Chinese and Latin alike — WenQuanYi Zen Hei (Debian fonts-wqy-zenhei), taken out of
/// its .ttc collection — so every sample contract embeds one real font with a ToUnicode map and its text can be
/// extracted again. (Droid Sans Fallback was tried first: it has no Latin glyphs, so "HT-2026-118" came out empty.)
/// </summary>
public sealed class SystemFontResolver : IFontResolver
{
    public const string FamilyName = "McsSans";
    public const string FontPath = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";

    private static readonly Lazy<byte[]> Font = new(() => File.Exists(FontPath)
        ? TrueTypeCollection.ExtractFont(File.ReadAllBytes(FontPath))
        : throw new FileNotFoundException(
            $"The sample PDFs need the font {FontPath}: apt-get install -y fonts-wqy-zenhei (./run.sh and ./test.sh do it)."));

    private static readonly Lock InstallLock = new();

    public static void EnsureInstalled()
    {
        lock (InstallLock)
        {
            if (GlobalFontSettings.FontResolver is not SystemFontResolver)
            {
                GlobalFontSettings.FontResolver = new SystemFontResolver();
            }
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) => new(FamilyName);

    public byte[] GetFont(string faceName) => Font.Value;
}
