using Mcs.Mocks.Demo;
using MimeKit;

namespace Mcs.Tests.Integration;

/// <summary>
/// Contract mails for the cross-service tests, each with its own contract number and Message-ID so the tests never
/// see each other's runs or orders. The sender is a known contact of the sample master data (王建国 of 华东精密机械,
/// customer C10001, salesperson li.na@mcs.local); the lines and prices are that customer's list prices, so the
/// decision policy lets the order through without review.
/// </summary>
public static class ContractMails
{
    public const string Salesperson = "li.na@mcs.local";
    public const string ContactAddress = "wang.jianguo@hdjm.com.cn";

    /// <summary>A fresh contract number and matching Message-ID (lower case: the runs API lists by the normalized id).</summary>
    public static (string ContractNo, string MessageId) NewIdentity(string purpose)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var contractNo = $"HT-E2E-{purpose}-{suffix}";
        return (contractNo, $"{contractNo.ToLowerInvariant()}@hdjm.com.cn");
    }

    public static MimeMessage FromKnownContact(string contractNo, string messageId)
    {
        var message = new MimeMessage
        {
            Subject = $"采购合同 {contractNo}，请安排发货",
            Date = DateTimeOffset.UtcNow,
            MessageId = messageId,
        };
        message.From.Add(new MailboxAddress("王建国", ContactAddress));
        message.To.Add(new MailboxAddress("Sales", "sales@mcs.local"));
        var text = new TextPart("plain")
        {
            Text = $"李娜您好：\n\n附件是压力传感器的采购合同（合同编号 {contractNo}），请确认并安排发货。\n\n王建国\n华东精密机械有限公司 采购部",
        };
        var pdf = ContractPdfWriter.Write(new ContractDocument("采购合同", [
            [$"合同编号：{contractNo}", "签订日期：2026年11月20日"],
            ["买方（Buyer）：华东精密机械有限公司"],
            ["卖方/Seller：明诚传感系统（上海）有限公司"],
            ["币种：人民币", "交货日期：2026/12/20"],
            ["序号", "物料编号", "客户料号", "品名", "数量", "单位", "单价", "金额"],
            ["1", "MC-PS-1001", "HDJM-WL-001", "压力传感器0-1MPa", "10", "个", "2,229.72", "22,297.20"],
            ["2", "-", "HDJM-WL-002", "压力传感器0-2.5MPa", "20", "个", "841.28", "16,825.60"],
            ["合计金额：¥39,122.80"],
            ["付款方式：月结60天"],
        ], []));
        var attachment = new MimePart("application", "pdf")
        {
            Content = new MimeContent(new MemoryStream(pdf)),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = $"采购合同-{contractNo}.pdf",
        };
        message.Body = new Multipart("mixed") { text, attachment };
        return message;
    }
}
