using Mcs.Contracts.Email;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Mcs.EmailListener.Mime;

/// <summary>
/// Raw MIME bytes → <see cref="EmailEvent"/>, or a recorded rejection with a reason. Never throws for bad mail:
/// whatever a sender's program produced, the listener keeps running and the mail is accounted for.
/// </summary>
public sealed class EmailEventFactory(IOptions<EmailListenerOptions> options)
{
    private readonly EmailListenerOptions _options = options.Value;

    public ParsedMail Parse(ReadOnlyMemory<byte> raw, MailDelivery delivery)
    {
        var rawSha256 = MailIdentity.Sha256Hex(raw.Span);
        if (raw.Length > _options.MaxMessageBytes)
        {
            return Rejected(rawSha256, null, null, RejectionReasons.MessageTooLarge);
        }
        MimeMessage message;
        try
        {
            message = RawMimeLoader.Load(raw.ToArray());
        }
        catch (FormatException)
        {
            return Rejected(rawSha256, null, null, RejectionReasons.Unparseable);
        }
        return FromMessage(message, rawSha256, delivery);
    }

    private ParsedMail FromMessage(MimeMessage message, string rawSha256, MailDelivery delivery)
    {
        var messageId = MailIdentity.MessageIdOf(message);
        var sender = message.From.Mailboxes.FirstOrDefault(m => !string.IsNullOrWhiteSpace(m.Address))
            ?? (message.Sender is { Address.Length: > 0 } s ? s : null)
            ?? message.ReplyTo.Mailboxes.FirstOrDefault(m => !string.IsNullOrWhiteSpace(m.Address));
        if (sender is null)
        {
            return Rejected(rawSha256, messageId, null, RejectionReasons.NoSender);
        }
        var collector = new AttachmentCollector(_options, rawSha256);
        var attachments = collector.Collect(message);
        var body = BodyText.Of(message) ?? collector.TnefBodyText ?? "";
        var from = ToContract(sender);
        var forwardedFrom = ForwardedSenderFinder.IsOwnDomain(from.Address, _options.OwnDomains)
            ? ForwardedSenderFinder.Find(collector.EmbeddedMessages, body)
            : null;
        var dedupeKey = MailIdentity.DedupeKey(messageId, from.Address, rawSha256);
        var emailEvent = new EmailEvent
        {
            DeliveryId = delivery.DeliveryId,
            DedupeKey = dedupeKey,
            MessageId = messageId,
            Mailbox = delivery.Mailbox,
            UidValidity = delivery.UidValidity,
            Uid = delivery.Uid,
            ReceivedAt = delivery.ReceivedAt,
            From = from,
            ForwardedFrom = forwardedFrom,
            To = Addresses(message.To),
            Cc = Addresses(message.Cc),
            Subject = message.Subject ?? "",
            BodyText = body,
            Attachments = attachments,
            RawSha256 = rawSha256,
        };
        return new ParsedMail(rawSha256, dedupeKey, messageId, emailEvent, null);
    }

    private static ParsedMail Rejected(string rawSha256, string? messageId, string? sender, string reason) =>
        new(rawSha256, MailIdentity.DedupeKey(messageId, sender, rawSha256), messageId, null, reason);

    private static List<MailAddress> Addresses(InternetAddressList list) =>
        [.. list.Mailboxes.Where(m => !string.IsNullOrWhiteSpace(m.Address)).Select(ToContract)];

    internal static MailAddress ToContract(MailboxAddress mailbox) => new()
    {
        Name = string.IsNullOrWhiteSpace(mailbox.Name) ? null : mailbox.Name.Trim(),
        Address = mailbox.Address.Trim(),
    };
}
