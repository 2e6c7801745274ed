using System.Runtime.InteropServices;
using UglyToad.PdfPig;

namespace Mcs.Orchestrator.Graphs.SalesEmail.Matching;

/// <summary>PdfPig-based <see cref="IPdfTextReader"/>.</summary>
public sealed class PdfPigTextReader : IPdfTextReader
{
    // The PDF spec lets the header sit anywhere in the first 1024 bytes (some producers prepend junk).
    private static readonly byte[] Signature = "%PDF-"u8.ToArray();

    public bool IsPdf(ReadOnlySpan<byte> content) => content[..Math.Min(content.Length, 1024)].IndexOf(Signature) >= 0;

    public PdfTextSummary? Read(ReadOnlyMemory<byte> content)
    {
        try
        {
            using var document = PdfDocument.Open(WholeArray(content));
            var firstPage = "";
            var hasText = false;
            // Pages are read only until one has text: the summary needs page 1 and "any text at all", and laying out a
            // page (fonts, glyph boxes) is most of the cost of a multi-page contract.
            for (var number = 1; number <= document.NumberOfPages && !hasText; number++)
            {
                var text = document.GetPage(number).Text ?? "";
                if (number == 1)
                {
                    firstPage = text;
                }
                hasText = text.Any(char.IsLetterOrDigit);
            }
            return new PdfTextSummary(firstPage, hasText, document.NumberOfPages);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A damaged PDF is not a crash of the run: it counts as a PDF without readable text.
            return null;
        }
    }

    // A file read from the store is one whole array; copying ~100 KB again would be another large-object allocation.
    private static byte[] WholeArray(ReadOnlyMemory<byte> content) =>
        MemoryMarshal.TryGetArray(content, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : content.ToArray();
}
