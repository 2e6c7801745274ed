using System.Text.RegularExpressions;
using Mcs.Contracts.Email;
using MimeKit;

namespace Mcs.EmailListener.Mime;

/// <summary>
/// For a mail sent from one of our own domains (a salesperson forwarding a customer's order), the customer who wrote
/// it: the sender of the attached message, else the first quoted <c>From:</c> / <c>发件人:</c> line of the body.
/// </summary>
internal static partial class ForwardedSenderFinder
{
    public static bool IsOwnDomain(string address, IReadOnlyCollection<string> ownDomains)
    {
        var at = address.LastIndexOf('@');
        if (at < 0)
        {
            return false;
        }
        var domain = address[(at + 1)..].Trim().TrimEnd('.');
        return ownDomains.Any(own => domain.Equals(own.Trim().TrimStart('@'), StringComparison.OrdinalIgnoreCase));
    }

    public static MailAddress? Find(IEnumerable<MimeMessage> embeddedMessages, string bodyText)
    {
        foreach (var message in embeddedMessages)
        {
            if (message.From.Mailboxes.FirstOrDefault() is { } sender && sender.Address.Contains('@', StringComparison.Ordinal))
            {
                return EmailEventFactory.ToContract(sender);
            }
        }
        return FromQuotedHeader(bodyText);
    }

    internal static MailAddress? FromQuotedHeader(string bodyText)
    {
        foreach (Match line in QuotedFromLine().Matches(bodyText))
        {
            var value = line.Groups["value"].Value.Trim();
            if (MailboxAddress.TryParse(value, out var parsed) && parsed.Address.Contains('@', StringComparison.Ordinal))
            {
                return EmailEventFactory.ToContract(parsed);
            }
            // Outlook writes "张三 [mailto:zs@example.com]" or "Zhang San [zs@example.com]".
            var address = EmailAddress().Match(value);
            if (address.Success)
            {
                var name = value[..address.Index].Replace("mailto:", "", StringComparison.OrdinalIgnoreCase).Trim(' ', '[', '<', '"', '\'', '(');
                return new MailAddress { Name = name.Length == 0 ? null : name, Address = address.Value };
            }
        }
        return null;
    }

    [GeneratedRegex(@"^[ \t>]*(?:From|发件人|發件人|寄件者|寄件人)[ \t]*[:：][ \t]*(?<value>.+?)[ \t]*\r?$", RegexOptions.Multiline | RegexOptions.IgnoreCase, 1000)]
    private static partial Regex QuotedFromLine();

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+", RegexOptions.None, 1000)]
    private static partial Regex EmailAddress();
}
