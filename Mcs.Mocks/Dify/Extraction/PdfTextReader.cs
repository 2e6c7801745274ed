using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Mcs.Mocks.Dify.Extraction;

/// <summary>
/// The document-extractor node: a PDF's text as lines, top to bottom, words left to right. A horizontal gap of at
/// least <see cref="ColumnGapEm"/> font sizes between two words becomes two spaces, which is how table columns and
/// side-by-side "label: value" cells stay apart for <see cref="ContractTextParser"/>.
/// </summary>
public static class PdfTextReader
{
    public const double ColumnGapEm = 1.0;

    public static IReadOnlyList<string> ReadLines(byte[] pdf)
    {
        var lines = new List<string>();
        using var document = PdfDocument.Open(pdf);
        foreach (var page in document.GetPages())
        {
            lines.AddRange(PageLines(page));
        }
        return lines;
    }

    private static IEnumerable<string> PageLines(Page page)
    {
        var words = page.GetWords().Where(word => !string.IsNullOrWhiteSpace(word.Text)).OrderByDescending(word => word.BoundingBox.Bottom).ToList();
        var rows = new List<List<Word>>();
        foreach (var word in words)
        {
            var tolerance = Math.Max(2.0, FontSize(word) * 0.4);
            var row = rows.LastOrDefault();
            if (row is not null && Math.Abs(row[0].BoundingBox.Bottom - word.BoundingBox.Bottom) <= tolerance)
            {
                row.Add(word);
            }
            else
            {
                rows.Add([word]);
            }
        }
        foreach (var row in rows)
        {
            var ordered = row.OrderBy(word => word.BoundingBox.Left).ToList();
            var text = new StringBuilder(ordered[0].Text);
            for (var i = 1; i < ordered.Count; i++)
            {
                var gap = ordered[i].BoundingBox.Left - ordered[i - 1].BoundingBox.Right;
                var em = Math.Max(FontSize(ordered[i - 1]), 1.0);
                text.Append(gap >= em * ColumnGapEm ? "  " : gap > em * 0.1 ? " " : "");
                text.Append(ordered[i].Text);
            }
            yield return text.ToString();
        }
    }

    private static double FontSize(Word word)
    {
        var letters = word.Letters;
        return letters.Count == 0 ? word.BoundingBox.Height : letters.Average(letter => letter.PointSize);
    }
}
