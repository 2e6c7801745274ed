using Aspire.Hosting;
using Aspire.Hosting.Testing;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using Mcs.AppHost;
using Mcs.Contracts;
using Mcs.Tests.Support;
using MimeKit;

namespace Mcs.Tests.Integration;

/// <summary>Delivers a mail the way a mail server would: IMAP APPEND to the AppHost's Dovecot demo mailbox.</summary>
public static class DemoMailbox
{
    /// <summary>The message as the bytes a mail server stores, so a test can deliver exactly the same mail twice.</summary>
    public static byte[] Raw(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var buffer = new MemoryStream();
        message.WriteTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>APPENDs the raw message to INBOX; every call is a new delivery (a new UID), even for the same bytes.</summary>
    public static async Task AppendAsync(DistributedApplication app, byte[] raw)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var message = MimeMessage.Load(new MemoryStream(raw));
        var endpoint = app.GetEndpoint(ServiceNames.Imap, "tcp");
        using var client = new ImapClient();
        await client.ConnectAsync(endpoint.Host, endpoint.Port, SecureSocketOptions.None);
        await client.AuthenticateAsync(McsParameters.DemoMailbox, TestKeys.MailboxPassword);
        await client.Inbox.AppendAsync(message, MessageFlags.None);
        await client.DisconnectAsync(true);
    }
}
