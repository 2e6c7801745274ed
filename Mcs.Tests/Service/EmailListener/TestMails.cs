using MimeKit;

namespace Mcs.Tests.Service.EmailListener;

/// <summary>Purchase-order mails as a customer would send them: unique Message-ID, a PDF attached.</summary>
public static class TestMails
{
    public static byte[] PurchaseOrder(int number, string from = "buyer@customer.example", string? messageId = null)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Buyer", from));
        message.To.Add(new MailboxAddress("Sales", "sales@ourco.example"));
        message.Subject = $"采购订单 PO-{number}";
        message.MessageId = messageId ?? $"po-{number}-{Guid.NewGuid():N}@customer.example";
        var body = new BodyBuilder { TextBody = $"请查收订单 PO-{number}。" };
        body.Attachments.Add($"PO-{number}.pdf", "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray(), new ContentType("application", "pdf"));
        message.Body = body.ToMessageBody();
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return stream.ToArray();
    }
}
