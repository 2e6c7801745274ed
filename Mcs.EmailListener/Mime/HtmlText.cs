using System.Text;
using MimeKit.Text;

namespace Mcs.EmailListener.Mime;

/// <summary>
/// HTML-only mail turned into readable text with MimeKit's HTML tokenizer: scripts and styles never leak in, block
/// elements become line breaks, entities are decoded.
/// </summary>
internal static class HtmlText
{
    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "br", "p", "div", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote", "pre", "hr", "ul", "ol",
    };

    private static readonly HashSet<string> HiddenTags = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "head", "title" };

    public static string ToPlainText(string html)
    {
        var text = new StringBuilder(html.Length / 2);
        using var reader = new StringReader(html);
        var tokenizer = new HtmlTokenizer(reader) { DecodeCharacterReferences = true };
        var hiddenDepth = 0;
        while (tokenizer.ReadNextToken(out var token))
        {
            switch (token)
            {
                case HtmlTagToken tag when HiddenTags.Contains(tag.Name):
                    hiddenDepth = tag.IsEndTag ? Math.Max(0, hiddenDepth - 1) : tag.IsEmptyElement ? hiddenDepth : hiddenDepth + 1;
                    break;
                case HtmlTagToken tag when BlockTags.Contains(tag.Name):
                    AppendLineBreak(text);
                    break;
                case HtmlTagToken { Name: "td" or "th", IsEndTag: true }:
                    text.Append('\t');
                    break;
                case HtmlDataToken data when hiddenDepth == 0:
                    AppendCollapsed(text, data.Data);
                    break;
            }
        }
        return text.ToString().Trim();
    }

    private static void AppendLineBreak(StringBuilder text)
    {
        while (text.Length > 0 && text[^1] == ' ')
        {
            text.Length--;
        }
        if (text.Length > 0 && !(text.Length >= 2 && text[^1] == '\n' && text[^2] == '\n'))
        {
            text.Append('\n');
        }
    }

    // HTML whitespace collapses to one space, as a browser shows it.
    private static void AppendCollapsed(StringBuilder text, string data)
    {
        foreach (var c in data)
        {
            if (char.IsWhiteSpace(c) && c != '\u3000')
            {
                if (text.Length > 0 && text[^1] is not (' ' or '\n' or '\t'))
                {
                    text.Append(' ');
                }
            }
            else
            {
                text.Append(c == '\u00A0' ? ' ' : c);
            }
        }
    }
}
