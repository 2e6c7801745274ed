namespace Mcs.Orchestrator.Graphs.SalesEmail.Matching;

/// <summary>Domain helpers: the part after the last '@', lower-case, compared ordinally.</summary>
public static class MailDomains
{
    public static string DomainOf(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return "";
        }
        var at = address.LastIndexOf('@');
        return at < 0 ? "" : address[(at + 1)..].Trim().TrimEnd('>').ToLowerInvariant();
    }

    public static bool Contains(IEnumerable<string> domains, string domain) =>
        domain.Length > 0 && domains.Any(d => string.Equals(d.Trim().TrimStart('@'), domain, StringComparison.OrdinalIgnoreCase));
}
