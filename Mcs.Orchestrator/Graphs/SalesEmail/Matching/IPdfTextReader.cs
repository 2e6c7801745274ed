namespace Mcs.Orchestrator.Graphs.SalesEmail.Matching;

/// <summary>What the graph needs to know of a PDF before sending it anywhere: is it one, and does it have text.</summary>
public interface IPdfTextReader
{
    /// <summary>True when the bytes are a PDF (the <c>%PDF-</c> signature), whatever the file is called.</summary>
    bool IsPdf(ReadOnlySpan<byte> content);

    /// <summary>The first page's text and whether any page has a text layer (a scan has none); null when unreadable.</summary>
    PdfTextSummary? Read(ReadOnlyMemory<byte> content);
}
