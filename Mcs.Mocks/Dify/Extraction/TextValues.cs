using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Mcs.Mocks.Dify.Extraction;

/// <summary>
/// Turns what a contract prints into what a well-prompted LLM returns: ISO dates, plain numbers, ISO currency codes.
/// Values that do not parse are returned as written, as an LLM would (the orchestrator normalises and checks them).
/// </summary>
public static partial class TextValues
{
    private static readonly string[] EnglishDateFormats =
        ["d MMM yyyy", "d MMMM yyyy", "MMM d, yyyy", "MMMM d, yyyy", "MMM d yyyy", "MMMM d yyyy", "d-MMM-yyyy", "dd-MMM-yyyy"];

    /// <summary>Full-width ASCII (ＡＢＣ１２３：) to half-width, ideographic space to space.</summary>
    public static string ToHalfWidth(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                '\u3000' => ' ',
                _ => c,
            });
        }
        return builder.ToString();
    }

    public static decimal? ParseNumber(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var cleaned = CurrencyNoise().Replace(ToHalfWidth(text), "").Replace(",", "", StringComparison.Ordinal).Trim();
        return decimal.TryParse(cleaned, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    /// <summary>"100件" or "100 pcs" in a quantity cell: the number and the unit written after it.</summary>
    public static (decimal? Number, string? Unit) SplitQuantity(string text)
    {
        var match = NumberThenUnit().Match(ToHalfWidth(text).Trim());
        if (!match.Success)
        {
            return (ParseNumber(text), null);
        }
        var unit = match.Groups["unit"].Value.Trim();
        return (ParseNumber(match.Groups["number"].Value), unit.Length == 0 ? null : unit);
    }

    public static string? ParseDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var value = ToHalfWidth(text).Trim();
        var numeric = NumericDate().Match(value);
        if (numeric.Success && TryDate(numeric.Groups["y"].Value, numeric.Groups["m"].Value, numeric.Groups["d"].Value, out var iso))
        {
            return iso;
        }
        foreach (var format in EnglishDateFormats)
        {
            if (DateTime.TryParseExact(value, format, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var date))
            {
                return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
        }
        return null;
    }

    public static string? ParseCurrency(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var value = ToHalfWidth(text).ToUpperInvariant();
        if (value.Contains("人民币", StringComparison.Ordinal) || value.Contains("RMB", StringComparison.Ordinal)
            || value.Contains("CNY", StringComparison.Ordinal) || value.Contains('¥') || value.Contains('￥') || value.Contains('元'))
        {
            return "CNY";
        }
        if (value.Contains("USD", StringComparison.Ordinal) || value.Contains("美元", StringComparison.Ordinal) || value.Contains('$'))
        {
            return "USD";
        }
        if (value.Contains("EUR", StringComparison.Ordinal) || value.Contains("欧元", StringComparison.Ordinal) || value.Contains('€'))
        {
            return "EUR";
        }
        var code = IsoCode().Match(value);
        return code.Success ? code.Value : null;
    }

    private static bool TryDate(string year, string month, string day, out string iso)
    {
        iso = "";
        if (!int.TryParse(year, CultureInfo.InvariantCulture, out var y) || !int.TryParse(month, CultureInfo.InvariantCulture, out var m)
            || !int.TryParse(day, CultureInfo.InvariantCulture, out var d) || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return false;
        }
        iso = new DateOnly(y, m, d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return true;
    }

    [GeneratedRegex(@"^(?<y>\d{4})\s*[-/.年]\s*(?<m>\d{1,2})\s*[-/.月]\s*(?<d>\d{1,2})\s*日?$")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"人民币|RMB|CNY|USD|EUR|US\$|[¥￥$€元\s]", RegexOptions.IgnoreCase)]
    private static partial Regex CurrencyNoise();

    [GeneratedRegex(@"^(?<number>[\d,]+(?:\.\d+)?)\s*(?<unit>[^\d\s].*)?$")]
    private static partial Regex NumberThenUnit();

    [GeneratedRegex(@"\b[A-Z]{3}\b")]
    private static partial Regex IsoCode();
}
