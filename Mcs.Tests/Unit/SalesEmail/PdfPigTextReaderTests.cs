using Mcs.Orchestrator.Graphs.SalesEmail.Matching;
using static Mcs.Tests.Unit.SalesEmail.SalesEmailTestData;

namespace Mcs.Tests.Unit.SalesEmail;

/// <summary>What detect_contract_signal learns from a PDF: page 1's text, whether any page has text, the page count.</summary>
public sealed class PdfPigTextReaderTests
{
    private readonly PdfPigTextReader _reader = new();

    [Fact]
    public void A_text_first_page_is_the_first_page_text_and_the_page_count_covers_every_page()
    {
        var summary = _reader.Read(Pdf("Purchase Contract HT-1", null, "Terms and conditions"));

        Assert.NotNull(summary);
        Assert.Contains("Purchase Contract HT-1", summary.FirstPageText, StringComparison.Ordinal);
        Assert.True(summary.HasTextLayer);
        Assert.Equal(3, summary.Pages);
    }

    [Fact]
    public void A_scanned_cover_page_before_a_text_page_still_has_a_text_layer()
    {
        var summary = _reader.Read(Pdf(null, "Sales Contract"));

        Assert.NotNull(summary);
        Assert.Equal("", summary.FirstPageText);
        Assert.True(summary.HasTextLayer);
        Assert.Equal(2, summary.Pages);
    }

    [Fact]
    public void Only_scanned_pages_have_no_text_layer()
    {
        var summary = _reader.Read(Pdf(null, null));

        Assert.NotNull(summary);
        Assert.False(summary.HasTextLayer);
        Assert.Equal(2, summary.Pages);
    }

    [Fact]
    public void A_slice_of_a_larger_buffer_reads_like_the_pdf_alone()
    {
        var pdf = Pdf("Order 42");
        var buffer = new byte[pdf.Length + 20];
        pdf.CopyTo(buffer, 10);

        var summary = _reader.Read(buffer.AsMemory(10, pdf.Length));

        Assert.Contains("Order 42", summary!.FirstPageText, StringComparison.Ordinal);
    }

    [Fact]
    public void Damaged_bytes_are_no_summary_rather_than_an_exception()
    {
        var pdf = Pdf("Order 42");

        Assert.Null(_reader.Read("%PDF-1.7\n garbage"u8.ToArray()));
        Assert.Null(_reader.Read(pdf.AsMemory(0, pdf.Length / 3)));
    }
}
