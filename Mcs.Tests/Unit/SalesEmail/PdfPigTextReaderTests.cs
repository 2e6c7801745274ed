using Mcs.Mocks.Demo;
using Mcs.Orchestrator.Graphs.SalesEmail.Matching;
using Mcs.Tests.Support;
using PdfSharp.Drawing;
using UglyToad.PdfPig;
using static Mcs.Tests.Unit.SalesEmail.SalesEmailTestData;

namespace Mcs.Tests.Unit.SalesEmail;

/// <summary>What detect_contract_signal learns from a PDF: whether any page has text, the page count, page 1's text.</summary>
public sealed class PdfPigTextReaderTests
{
    private readonly PdfPigTextReader _reader = new();

    [Fact]
    public void A_text_first_page_has_a_text_layer_its_text_and_a_page_count_of_every_page()
    {
        var pdf = Pdf("Purchase Contract HT-1", null, "Terms and conditions");

        var layer = _reader.ProbeTextLayer(pdf);

        Assert.Equal(new PdfTextLayer(HasTextLayer: true, Pages: 3), layer);
        Assert.Contains("Purchase Contract HT-1", _reader.ReadFirstPage(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public void A_scanned_cover_page_before_a_text_page_still_has_a_text_layer()
    {
        var pdf = Pdf(null, "Sales Contract");

        Assert.Equal(new PdfTextLayer(HasTextLayer: true, Pages: 2), _reader.ProbeTextLayer(pdf));
        Assert.Equal("", _reader.ReadFirstPage(pdf));
    }

    [Fact]
    public void Only_scanned_pages_have_no_text_layer()
    {
        Assert.Equal(new PdfTextLayer(HasTextLayer: false, Pages: 2), _reader.ProbeTextLayer(Pdf(null, null)));
    }

    [Fact]
    public void Text_drawn_inside_a_form_the_page_draws_is_a_text_layer_and_a_form_of_graphics_is_not()
    {
        Assert.True(_reader.ProbeTextLayer(PdfWithForm("Purchase Order 7"))!.HasTextLayer);
        Assert.False(_reader.ProbeTextLayer(PdfWithForm(null))!.HasTextLayer);
    }

    [Fact]
    public void The_demo_chinese_contract_with_its_embedded_cjk_font_has_a_text_layer_and_its_title_on_page_1()
    {
        var pdf = ContractPdfWriter.Write(new ContractDocument("采购合同", [["合同编号：HT-2026-118"]], []));

        Assert.True(_reader.ProbeTextLayer(pdf)!.HasTextLayer);
        Assert.Contains("采购合同", _reader.ReadFirstPage(pdf), StringComparison.Ordinal);
    }

    public static TheoryData<string> CorpusPdfs() => new(Directory.GetFiles(TestDataFiles.Directory("pdf"), "*.pdf").Select(Path.GetFileName).Order()!);

    /// <summary>
    /// The probe reads content streams only; it must say what laying every page out says ("some letter or digit"),
    /// on real PDFs: encrypted, broken xref, Identity-H CJK, fake bold, a 3-page scan.
    /// </summary>
    [Theory]
    [MemberData(nameof(CorpusPdfs))]
    public void On_every_corpus_pdf_the_probe_agrees_with_a_full_layout(string file)
    {
        var pdf = File.ReadAllBytes(Path.Combine(TestDataFiles.Directory("pdf"), file));
        using var document = PdfDocument.Open(pdf);
        var laidOut = document.GetPages().Any(page => page.Text.Any(char.IsLetterOrDigit));

        var layer = _reader.ProbeTextLayer(pdf);

        Assert.Equal(new PdfTextLayer(laidOut, document.NumberOfPages), layer);
    }

    [Fact]
    public void A_slice_of_a_larger_buffer_reads_like_the_pdf_alone()
    {
        var pdf = Pdf("Order 42");
        var buffer = new byte[pdf.Length + 20];
        pdf.CopyTo(buffer, 10);
        var slice = buffer.AsMemory(10, pdf.Length);

        Assert.True(_reader.ProbeTextLayer(slice)!.HasTextLayer);
        Assert.Contains("Order 42", _reader.ReadFirstPage(slice), StringComparison.Ordinal);
    }

    [Fact]
    public void Damaged_bytes_are_no_layer_and_no_text_rather_than_an_exception()
    {
        var pdf = Pdf("Order 42");

        Assert.Null(_reader.ProbeTextLayer("%PDF-1.7\n garbage"u8.ToArray()));
        Assert.Null(_reader.ProbeTextLayer(pdf.AsMemory(0, pdf.Length / 3)));
        Assert.Equal("", _reader.ReadFirstPage("%PDF-1.7\n garbage"u8.ToArray()));
    }

    // One page that draws a form XObject; the form holds the text, or a rectangle when text is null.
    private static byte[] PdfWithForm(string? text)
    {
        SystemFontResolver.EnsureInstalled();
        using var document = new PdfSharp.Pdf.PdfDocument();
        var page = document.AddPage();
        var form = new XForm(document, XUnit.FromPoint(300), XUnit.FromPoint(60));
        using (var graphics = XGraphics.FromForm(form))
        {
            if (text is null)
            {
                graphics.DrawRectangle(XPens.Black, 5, 5, 100, 40);
            }
            else
            {
                graphics.DrawString(text, new XFont(SystemFontResolver.FamilyName, 10), XBrushes.Black, 10, 20);
            }
        }
        using (var graphics = XGraphics.FromPdfPage(page))
        {
            graphics.DrawImage(form, 50, 50);
        }
        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();
    }
}
