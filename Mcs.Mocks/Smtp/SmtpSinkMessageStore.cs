using System.Buffers;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Mcs.Mocks.Smtp;

/// <summary>SmtpServer's hook for a received DATA section: parse it with MimeKit and keep it in the inbox.</summary>
public sealed class SmtpSinkMessageStore(SmtpSinkInbox inbox, TimeProvider time) : MessageStore
{
    public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(buffer.ToArray());
        var message = await MimeMessage.LoadAsync(stream, cancellationToken);
        var headerFrom = message.From.Mailboxes.FirstOrDefault()?.Address;
        inbox.Add(new SmtpSinkMessage
        {
            Id = Guid.NewGuid().ToString(),
            From = headerFrom ?? Address(transaction.From),
            To = [.. transaction.To.Select(Address)],
            Subject = message.Subject ?? "",
            Text = message.TextBody,
            Html = message.HtmlBody,
            MessageId = message.MessageId,
            ReceivedAt = time.GetUtcNow(),
        });
        return SmtpResponse.Ok;
    }

    private static string Address(IMailbox? mailbox) =>
        mailbox is null || string.IsNullOrEmpty(mailbox.User) ? "" : $"{mailbox.User}@{mailbox.Host}";
}
