using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Mcs.Contracts;
using Mcs.Contracts.Email;
using Mcs.Mocks.Demo;

namespace Mcs.Benchmarks.Load;

/// <summary>
/// Distinct sales mails for the load: the demo's Chinese contract from a known contact (王建国, 华东精密机械 C10001,
/// Mcs.Masterdata/SampleData) with its own delivery id, Message-ID and contract number each, and a ~100 KB PDF
/// (contract table + terms and conditions on 2–3 pages of text, and a scanned red company seal) written by the same
/// PDF writer as the demo mailbox.
/// </summary>
public static class LoadMails
{
    private const string Sender = "wang.jianguo@hdjm.com.cn";
    private const int TargetPdfBytes = 100 * 1024;

    /// <summary>Terms-and-conditions lines after the contract table: with it, 2–3 pages of text.</summary>
    public const int TermsLines = 60;

    /// <summary>
    /// The seal image's side in pixels that makes the PDF ~100 KB: the text layer stays at the demo contract plus
    /// <see cref="TermsLines"/> terms lines (2–3 pages), the scanned seal carries the rest, as in a real contract.
    /// </summary>
    public static int CalibrateSealSide()
    {
        var side = 160;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var size = ContractPdfWriter.Write(Contract("HT-CAL-0000", side)).Length;
            if (Math.Abs(size - TargetPdfBytes) < TargetPdfBytes / 20)
            {
                break;
            }
            var textOnly = ContractPdfWriter.Write(Contract("HT-CAL-0000", 0)).Length;
            // The grain does not compress, so the image's bytes grow with its area.
            side = Math.Max(16, (int)(side * Math.Sqrt(Math.Max(1.0, TargetPdfBytes - textOnly) / Math.Max(1.0, size - textOnly))));
        }
        return side;
    }

    /// <summary>
    /// The serialized <c>EmailEvent</c> of mail <paramref name="index"/> of run <paramref name="tag"/>, and its PDF size.
    /// Delivery id, Message-ID and contract number are new per benchmark run: the orchestrator claims customer +
    /// contract number once (validate_order), so a contract number seen in an earlier run goes to review as
    /// <c>duplicate_contract</c>, as it should.
    /// </summary>
    public static (byte[] Json, int PdfBytes) Build(string tag, int index, int sealSide)
    {
        var contractNo = string.Create(CultureInfo.InvariantCulture, $"HT-{tag}-{index:D6}");
        var pdf = ContractPdfWriter.Write(Contract(contractNo, sealSide));
        var messageId = string.Create(CultureInfo.InvariantCulture, $"load-{tag}-{index}@hdjm.com.cn");
        var pdfHash = Convert.ToHexStringLower(SHA256.HashData(pdf));
        var email = new EmailEvent
        {
            DeliveryId = string.Create(CultureInfo.InvariantCulture, $"load-{tag}-{index:D6}"),
            DedupeKey = $"{messageId}|{Sender}",
            MessageId = messageId,
            Mailbox = "load",
            ReceivedAt = DateTimeOffset.UtcNow,
            From = new MailAddress { Name = "王建国", Address = Sender },
            To = [new MailAddress { Name = "Sales", Address = "sales@mcs.local" }],
            Subject = $"采购合同 {contractNo}，请安排发货",
            BodyText = $"李娜您好：\n\n附件是本月压力传感器的采购合同（合同编号 {contractNo}），请确认并安排发货。\n\n王建国\n华东精密机械有限公司 采购部",
            Attachments =
            [
                new EmailAttachment
                {
                    AttachmentId = "1",
                    Filename = $"采购合同-{contractNo}.pdf",
                    ContentType = "application/pdf",
                    DetectedType = "application/pdf",
                    Size = pdf.Length,
                    Sha256 = pdfHash,
                    ContentBase64 = Convert.ToBase64String(pdf),
                },
            ],
            RawSha256 = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(messageId + pdfHash))),
        };
        return (JsonSerializer.SerializeToUtf8Bytes(email, McsJson.Options), pdf.Length);
    }

    // The demo contract (Mcs.Mocks/Demo/DemoMails.cs) with its own number; the products are in the sample master data.
    private static ContractDocument Contract(string contractNo, int sealSide) => DemoMails.HdjmContract(contractNo) with
    {
        Padding = Terms(TermsLines),
        SealImage = sealSide > 0 ? SealImageWriter.Write(sealSide, BitConverter.ToUInt32(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(contractNo)))) : null,
    };

    private static string[] Terms(int lines) => [.. Enumerable.Range(1, lines).Select(i => string.Create(CultureInfo.InvariantCulture,
        $"第{i}条 买卖双方应遵守本合同条款；卖方按约定交货期交付合格产品，买方按约定付款。Clause {i}: terms and conditions apply."))];
}
