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
            using var document = PdfDocument.Open(content.ToArray());
            var firstPage = "";
            var hasText = false;
            for (var number = 1; number <= document.NumberOfPages; number++)
            {
                var text = document.GetPage(number).Text ?? "";
                if (number == 1)
                {
                    firstPage = text;
                }
                hasText |= text.Any(char.IsLetterOrDigit);
            }
            return new PdfTextSummary(firstPage, hasText, document.NumberOfPages);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A damaged PDF is not a crash of the run: it counts as a PDF without readable text.
            return null;
        }
    }
}
