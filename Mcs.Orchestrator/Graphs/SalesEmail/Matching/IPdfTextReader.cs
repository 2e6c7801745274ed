namespace Mcs.Orchestrator.Graphs.SalesEmail.Matching;

/// <summary>What the graph needs to know of a PDF before sending it anywhere: is it one, does it have text, what page 1 says.</summary>
public interface IPdfTextReader
{
    /// <summary>True when the bytes are a PDF (the <c>%PDF-</c> signature), whatever the file is called.</summary>
    bool IsPdf(ReadOnlySpan<byte> content);

    /// <summary>
    /// Whether any page draws text with a text-showing operator (directly or in a form it draws), without laying pages
    /// out; null when the PDF cannot be read.
    /// </summary>
    PdfTextLayer? ProbeTextLayer(ReadOnlyMemory<byte> content);

    /// <summary>The first page's text, laid out with its fonts; empty when the page has none or cannot be read.</summary>
    string ReadFirstPage(ReadOnlyMemory<byte> content);
}
