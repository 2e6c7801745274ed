using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Graphics.Operations;
using UglyToad.PdfPig.Graphics.Operations.TextShowing;
using UglyToad.PdfPig.Logging;
using UglyToad.PdfPig.Outline.Destinations;
using UglyToad.PdfPig.Parser;
using UglyToad.PdfPig.Tokenization.Scanner;
using UglyToad.PdfPig.Tokens;

namespace Mcs.Orchestrator.Graphs.SalesEmail.Matching;

/// <summary>Whether a page draws any text: a text-showing operator with a non-empty string.</summary>
internal sealed record PageTextShowing(bool ShowsText);

/// <summary>
/// A PdfPig page factory that decodes and parses a page's content streams (and the form XObjects they draw) without
/// loading the page's resources: no fonts, so no glyph tables and no layout.
/// </summary>
#pragma warning disable CA1812 // created by PdfPig, by reflection
internal sealed class TextShowingPageFactory : IPageFactory<PageTextShowing>
#pragma warning restore CA1812
{
    // Forms may draw forms; a cycle or a deep chain is damage, not text.
    private const int MaxFormDepth = 8;
    private static readonly NameToken XObject = NameToken.Create("XObject");
    private static readonly NameToken Form = NameToken.Create("Form");

    private readonly IPdfTokenScanner _scanner;
    private readonly ILookupFilterProvider _filters;
    private readonly IPageContentParser _parser;

    // PdfPig passes exactly these parameters; the resource store (fonts) and options are what this factory avoids.
    public TextShowingPageFactory(IPdfTokenScanner scanner, IResourceStore resourceStore, ILookupFilterProvider filters, IPageContentParser parser,
        ParsingOptions options) => (_scanner, _filters, _parser) = (scanner, filters, parser);

    public PageTextShowing Create(int number, DictionaryToken dictionary, PageTreeMembers pageTreeMembers, NamedDestinations annotationProvider)
    {
        var resources = Resolve<DictionaryToken>(dictionary, NameToken.Resources) ?? pageTreeMembers.ParentResources.LastOrDefault();
        var shows = dictionary.TryGet(NameToken.Contents, out var contents)
            && ContentStreams(contents).Any(stream => ShowsText(number, stream, resources, 0));
        return new PageTextShowing(shows);
    }

    private IEnumerable<StreamToken> ContentStreams(IToken contents) => Direct(contents) switch
    {
        StreamToken stream => [stream],
        ArrayToken array => array.Data.Select(Direct).OfType<StreamToken>(),
        _ => [],
    };

    private bool ShowsText(int page, StreamToken stream, DictionaryToken? resources, int depth)
    {
        var operations = _parser.Parse(page, new MemoryInputBytes(stream.Decode(_filters, _scanner)), SilentLog.Instance);
        foreach (var operation in operations)
        {
            switch (operation)
            {
                // The parser keeps a literal string as Text and a hex string as Bytes.
                case ShowText show when show.Bytes.Length > 0 || !string.IsNullOrEmpty(show.Text):
                case MoveToNextLineShowText next when next.Bytes.Length > 0 || !string.IsNullOrEmpty(next.Text):
                case MoveToNextLineShowTextWithSpacing spaced when spaced.Bytes.Length > 0 || !string.IsNullOrEmpty(spaced.Text):
                    return true;
                case ShowTextsWithPositioning positioned when positioned.Array.Any(IsNonEmptyString):
                    return true;
                case InvokeNamedXObject invoke when depth < MaxFormDepth
                    && FormXObject(resources, invoke.Name) is { } form
                    && ShowsText(page, form, Resolve<DictionaryToken>(form.StreamDictionary, NameToken.Resources) ?? resources, depth + 1):
                    return true;
            }
        }
        return false;
    }

    private StreamToken? FormXObject(DictionaryToken? resources, NameToken name) =>
        resources is not null && Resolve<DictionaryToken>(resources, XObject) is { } xObjects
            && Resolve<StreamToken>(xObjects, name) is { } stream
            && Resolve<NameToken>(stream.StreamDictionary, NameToken.Subtype) is { } subtype && subtype.Equals(Form)
            ? stream
            : null;

    private static bool IsNonEmptyString(IToken token) => token switch
    {
        StringToken text => text.Data.Length > 0,
        HexToken hex => hex.Data.Length > 0,
        _ => false,
    };

    private T? Resolve<T>(DictionaryToken dictionary, NameToken key) where T : class, IToken =>
        dictionary.TryGet(key, out var token) ? Direct(token) as T : null;

    private IToken? Direct(IToken token) => token is IndirectReferenceToken reference ? _scanner.Get(reference.Data)?.Data : token;

    private sealed class SilentLog : ILog
    {
        public static readonly SilentLog Instance = new();

        public void Debug(string message)
        {
        }

        public void Debug(string message, Exception ex)
        {
        }

        public void Warn(string message)
        {
        }

        public void Error(string message)
        {
        }

        public void Error(string message, Exception ex)
        {
        }
    }
}
