using System.Text;

namespace Mcs.Orchestrator.Graphs.SalesEmail.Matching;

/// <summary>
/// Product codes compared exactly after removing what people vary by accident: case, full/half width (NFKC),
/// spaces and the separators - _ /. Never fuzzy: "AB-1001" and "AB-1002" are different products.
/// </summary>
public static class CodeNormalizer
{
    public static string Normalize(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return "";
        }
        var text = code.Normalize(NormalizationForm.FormKC).ToUpperInvariant();
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c) && c is not '-' and not '_' and not '/' and not '‐' and not '–' and not '—')
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }
}
