using System.Globalization;
using MimeKit;

namespace Mcs.Benchmarks.Ingest;

/// <summary>Distinct customer mails (Chinese subject and body, one PDF-shaped attachment) for the ingest benchmark.</summary>
public static class IngestMails
{
    public static MimeMessage Build(string tag, int index, int attachmentBytes)
    {
        var pdf = new byte[attachmentBytes];
        new Random(index).NextBytes(pdf);
        "%PDF-1.7\n"u8.CopyTo(pdf);
        var message = new MimeMessage
        {
            Subject = string.Create(CultureInfo.InvariantCulture, $"采购合同 HT-{tag}-{index:D5}，请安排发货"),
            MessageId = string.Create(CultureInfo.InvariantCulture, $"ingest-{tag}-{index}@hdjm.com.cn"),
            Date = DateTimeOffset.UtcNow,
        };
        message.From.Add(new MailboxAddress("王建国", "wang.jianguo@hdjm.com.cn"));
        message.To.Add(new MailboxAddress("Sales", "sales@mcs.local"));
        var body = new BodyBuilder { TextBody = "李娜您好：\n\n附件是本月压力传感器的采购合同，请确认并安排发货。\n\n王建国\n华东精密机械有限公司 采购部" };
        body.Attachments.Add(string.Create(CultureInfo.InvariantCulture, $"采购合同-{index}.pdf"), pdf, new ContentType("application", "pdf"));
        message.Body = body.ToMessageBody();
        return message;
    }
}
