using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Mcs.Mocks.Demo;

/// <summary>Writes a <see cref="ContractDocument"/> as a text PDF with an embedded CJK-capable font (and its seal image).</summary>
public static class ContractPdfWriter
{
    private const double Left = 40;
    private const double Top = 60;
    private const double LineHeight = 18;
    private const double FontSize = 10;
    private const double SealSize = 120;

    public static byte[] Write(ContractDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        SystemFontResolver.EnsureInstalled();
        using var pdf = new PdfDocument();
        pdf.Info.Title = document.Title;
        var font = new XFont(SystemFontResolver.FamilyName, FontSize, XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
        var titleFont = new XFont(SystemFontResolver.FamilyName, 16, XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));

        var page = pdf.AddPage();
        var graphics = XGraphics.FromPdfPage(page);
        graphics.DrawString(document.Title, titleFont, XBrushes.Black, new XPoint(Left, Top - 20));
        var y = Top + 10;
        var columns = ColumnPositions(graphics, font, document.Rows);
        foreach (var row in document.Rows)
        {
            var x = columns[row.Count];
            for (var i = 0; i < row.Count; i++)
            {
                graphics.DrawString(row[i], font, XBrushes.Black, new XPoint(x[i], y));
            }
            y += LineHeight;
        }
        foreach (var paragraph in document.Padding)
        {
            if (y > page.Height.Point - 60)
            {
                graphics.Dispose();
                page = pdf.AddPage();
                graphics = XGraphics.FromPdfPage(page);
                y = Top;
            }
            graphics.DrawString(paragraph, font, XBrushes.Black, new XPoint(Left, y));
            y += LineHeight;
        }
        if (document.SealImage is { } seal)
        {
            if (y + SealSize > page.Height.Point - 40)
            {
                graphics.Dispose();
                page = pdf.AddPage();
                graphics = XGraphics.FromPdfPage(page);
                y = Top;
            }
            using var image = XImage.FromStream(new MemoryStream(seal, writable: false));
            graphics.DrawImage(image, page.Width.Point - Left - SealSize * 1.5, y, SealSize, SealSize);
        }
        graphics.Dispose();
        using var stream = new MemoryStream();
        pdf.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    // Rows with the same number of cells form a table: each column starts after the widest cell of the column before
    // it plus two font sizes, so a reader that splits columns at a 1 em gap sees every cell on its own and in line.
    private static Dictionary<int, double[]> ColumnPositions(XGraphics graphics, XFont font, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var positions = new Dictionary<int, double[]>();
        foreach (var group in rows.GroupBy(row => row.Count))
        {
            var x = new double[group.Key];
            var next = Left;
            for (var column = 0; column < group.Key; column++)
            {
                x[column] = next;
                var widest = group.Max(row => graphics.MeasureString(row[column], font).Width);
                next += widest + 2 * FontSize;
            }
            positions[group.Key] = x;
        }
        return positions;
    }
}
