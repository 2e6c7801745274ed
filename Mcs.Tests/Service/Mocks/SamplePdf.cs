using System.Runtime.CompilerServices;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Mcs.Tests.Service.Mocks;

/// <summary>PDFs for the extractor: generated in the README's layout (Helvetica), or copied from the corpus.</summary>
public static class SamplePdf
{
    /// <summary>One row per line; a row's cells are placed at the given x positions (points), as a table would be.</summary>
    public static byte[] Build(IEnumerable<(double X, string Text)[]> rows, double fontSize = 10)
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(PageSize.A4);
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var y = 800.0;
        foreach (var row in rows)
        {
            foreach (var (x, text) in row)
            {
                page.AddText(text, fontSize, new PdfPoint(x, y), font);
            }
            y -= fontSize * 1.8;
        }
        return builder.Build();
    }

    public static byte[] EnglishContract(string contractNo = "SC-2026-0042") => Build(
    [
        [(40, "SALES CONTRACT")],
        [(40, $"Contract No.: {contractNo}"), (300, "Date: 2026-03-15")],
        [(40, "Buyer: Acme Industrial Supplies GmbH")],
        [(40, "Seller: Shanghai Precision Parts Co., Ltd.")],
        [(40, "Currency: EUR"), (300, "Delivery Date: 2026/04/30")],
        [(40, "Payment Terms: 30 days net")],
        [(40, "No."), (70, "Part No."), (150, "Description"), (300, "Qty"), (350, "Unit"), (400, "Unit Price"), (480, "Amount")],
        [(40, "1"), (70, "BRG-6204"), (150, "Ball bearing 6204"), (300, "1,000"), (350, "pcs"), (400, "2.50"), (480, "2,500.00")],
        [(40, "2"), (70, "SHF-20"), (150, "Shaft 20 mm"), (300, "200"), (350, "pcs"), (400, "12.75"), (480, "2,550.00")],
        [(40, "Total Amount: EUR 5,050.00")],
    ]);

    public static byte[] Corpus(string name, [CallerFilePath] string callerPath = "") =>
        File.ReadAllBytes(Path.Combine(Path.GetDirectoryName(callerPath)!, "..", "..", "TestData", "pdf", name));
}
