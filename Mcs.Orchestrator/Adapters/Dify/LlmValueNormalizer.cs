using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Mcs.Orchestrator.Adapters.Dify;

/// <summary>
/// Turns the numbers, dates and currencies an LLM writes ("¥1,234.50", "人民币 12.5万元", "１２３", "2026年11月3日",
/// "2026/11/3") into values. Parsing never guesses silently: what cannot be read returns false and the caller keeps
/// the raw text.
/// </summary>
public static partial class LlmValueNormalizer
{
    // Longest first: "US$" before "$", "人民币" before "元".
    private static readonly (string Token, string Code)[] CurrencyTokens =
    [
        ("人民币", "CNY"), ("RMB", "CNY"), ("CNY", "CNY"), ("CN¥", "CNY"), ("￥", "CNY"), ("¥", "CNY"), ("元", "CNY"),
        ("US$", "USD"), ("USD", "USD"), ("美元", "USD"), ("$", "USD"),
        ("EUR", "EUR"), ("欧元", "EUR"), ("€", "EUR"),
        ("GBP", "GBP"), ("英镑", "GBP"), ("£", "GBP"),
        ("JPY", "JPY"), ("日元", "JPY"), ("円", "JPY"),
        ("HKD", "HKD"), ("HK$", "HKD"), ("港币", "HKD"), ("港元", "HKD"),
    ];

    /// <summary>ISO 4217 code for a currency word or symbol ("¥", "人民币", "rmb" → CNY), or null when unknown.</summary>
    public static string? NormalizeCurrency(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }
        var text = raw.Normalize(NormalizationForm.FormKC).Trim().ToUpperInvariant();
        foreach (var (token, code) in CurrencyTokens)
        {
            if (text.Equals(token, StringComparison.Ordinal))
            {
                return code;
            }
        }
        if (IsoCodeRegex().IsMatch(text))
        {
            return text;
        }
        foreach (var (token, code) in CurrencyTokens)
        {
            if (text.Contains(token, StringComparison.Ordinal))
            {
                return code;
            }
        }
        return null;
    }

    /// <summary>
    /// Reads an amount: full-width digits, thousands separators (",", "，", "'", spaces), currency words or symbols
    /// around it, a trailing "万" (×10 000). <paramref name="currency"/> is the currency found in the text, if any.
    /// </summary>
    public static bool TryParseAmount(string? raw, out decimal value, out string? currency)
    {
        value = 0;
        currency = null;
        if (string.IsNullOrWhiteSpace(raw))
        {
            return false;
        }
        var text = raw.Normalize(NormalizationForm.FormKC).Trim();
        foreach (var (token, code) in CurrencyTokens)
        {
            if (text.Contains(token, StringComparison.OrdinalIgnoreCase))
            {
                currency ??= code;
                text = text.Replace(token, " ", StringComparison.OrdinalIgnoreCase);
            }
        }
        var multiplier = 1m;
        text = text.Trim();
        if (text.EndsWith('万'))
        {
            multiplier = 10_000m;
            text = text[..^1];
        }
        text = text.Replace("，", ",", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal)
            .Replace("'", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal);
        if (EuropeanDecimalRegex().IsMatch(text))
        {
            // "1.234,50": dots group thousands, the comma is the decimal point.
            text = text.Replace(".", "", StringComparison.Ordinal).Replace(',', '.');
        }
        else if (!GroupedRegex().IsMatch(text) && text.Count(c => c == ',') == 1 && DecimalCommaRegex().IsMatch(text))
        {
            // "12,5": a lone comma followed by one or two digits is a decimal comma, not thousands.
            text = text.Replace(',', '.');
        }
        else
        {
            text = text.Replace(",", "", StringComparison.Ordinal);
        }
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }
        value = number * multiplier;
        return true;
    }

    public static bool TryParseAmount(string? raw, out decimal value) => TryParseAmount(raw, out value, out _);

    /// <summary>Reads a date: 2026-11-03, 2026/11/3, 2026.11.3, 2026年11月3日, 20261103, ISO date-times, "3 Nov 2026", "Nov 3, 2026".</summary>
    public static bool TryParseDate(string? raw, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(raw))
        {
            return false;
        }
        var text = raw.Normalize(NormalizationForm.FormKC).Trim();
        var ymd = YearMonthDayRegex().Match(text);
        if (ymd.Success)
        {
            return TryCreate(ymd.Groups["y"].Value, ymd.Groups["m"].Value, ymd.Groups["d"].Value, out date);
        }
        var compact = CompactDateRegex().Match(text);
        if (compact.Success)
        {
            return TryCreate(compact.Groups["y"].Value, compact.Groups["m"].Value, compact.Groups["d"].Value, out date);
        }
        string[] formats = ["d MMM yyyy", "d MMMM yyyy", "MMM d, yyyy", "MMMM d, yyyy", "MMM d yyyy", "MMMM d yyyy", "dd.MM.yyyy"];
        if (DateOnly.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out date))
        {
            return true;
        }
        return false;
    }

    private static bool TryCreate(string year, string month, string day, out DateOnly date)
    {
        date = default;
        var y = int.Parse(year, CultureInfo.InvariantCulture);
        var m = int.Parse(month, CultureInfo.InvariantCulture);
        var d = int.Parse(day, CultureInfo.InvariantCulture);
        if (m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return false;
        }
        date = new DateOnly(y, m, d);
        return true;
    }

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex IsoCodeRegex();

    [GeneratedRegex(@"^-?\d{1,3}(\.\d{3})+,\d{1,2}$")]
    private static partial Regex EuropeanDecimalRegex();

    [GeneratedRegex(@"^-?\d{1,3}(,\d{3})+(\.\d+)?$")]
    private static partial Regex GroupedRegex();

    [GeneratedRegex(@"^-?\d+,\d{1,2}$")]
    private static partial Regex DecimalCommaRegex();

    [GeneratedRegex(@"^(?<y>\d{4})\s*[-/.年]\s*(?<m>\d{1,2})\s*[-/.月]\s*(?<d>\d{1,2})\s*(日|号)?([T\s].*)?$")]
    private static partial Regex YearMonthDayRegex();

    [GeneratedRegex(@"^(?<y>\d{4})(?<m>\d{2})(?<d>\d{2})$")]
    private static partial Regex CompactDateRegex();
}
