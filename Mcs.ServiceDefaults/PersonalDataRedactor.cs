using System.Text.RegularExpressions;

namespace Mcs.ServiceDefaults;

/// <summary>
/// Removes email addresses and phone numbers from free text before it reaches a log sink or an audit record.
/// The domain of an address is kept (useful when reading logs about customer domains); the local part is not.
/// </summary>
public static partial class PersonalDataRedactor
{
    public static string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }
        var withoutEmails = EmailPattern().Replace(text, match => "***@" + match.Groups["domain"].Value);
        return PhonePattern().Replace(withoutEmails, "[phone]");
    }

    /// <summary>An address reduced to <c>***@domain</c>, for structured log fields.</summary>
    public static string Email(string? address)
    {
        if (string.IsNullOrEmpty(address))
        {
            return "";
        }
        var at = address.LastIndexOf('@');
        return at < 0 ? "***" : "***" + address[at..];
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@(?<domain>[A-Za-z0-9.\-]+\.[A-Za-z]{2,})", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    // International (+86 138 0013 8000), mainland mobile (13800138000), and grouped numbers (021-6123-4567).
    [GeneratedRegex(@"(?<![\w.\-])(?:\+\d{1,3}[\s\-]?)?(?:\(?\d{2,4}\)?[\s\-]?)?\d{3,4}[\s\-]?\d{4}(?![\w.])", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();
}
