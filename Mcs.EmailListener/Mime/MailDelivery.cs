namespace Mcs.EmailListener.Mime;

/// <summary>Where and when one copy of a mail arrived: an IMAP message (mailbox + UIDVALIDITY + UID) or one webhook push.</summary>
public sealed record MailDelivery(string DeliveryId, string Mailbox, long? UidValidity, long? Uid, DateTimeOffset ReceivedAt)
{
    public static string NewDeliveryId() => Guid.NewGuid().ToString();
}
