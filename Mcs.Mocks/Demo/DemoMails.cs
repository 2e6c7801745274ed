using MimeKit;

namespace Mcs.Mocks.Demo;

/// <summary>
/// The demo mailbox: the four mails a new user sees processed on first start (master data: Mcs.Masterdata/SampleData).
/// 1. a Chinese contract from a known contact (华东精密机械, contact 王建国) → order, salesperson notified;
/// 2. an English purchase order from an unknown sender at a known customer's domain (keller-suzhou.com) → order;
/// 3. a newsletter with no contract → ignored;
/// 4. a contract whose buyer (中材重工集团) matches two customers equally and whose sender domain both share → review.
/// </summary>
public static class DemoMails
{
    public static IReadOnlyList<MimeMessage> All(DateTimeOffset now) =>
    [
        ChineseContractFromKnownContact(now),
        EnglishPurchaseOrderFromKnownDomain(now),
        Newsletter(now),
        AmbiguousCustomerContract(now),
    ];

    public static MimeMessage ChineseContractFromKnownContact(DateTimeOffset now) => WithContractPdf(
        Mail(now, "王建国", "wang.jianguo@hdjm.com.cn", "demo-1.hdjm@hdjm.com.cn", "采购合同 HT-2026-1120，请安排发货",
            "李娜您好：\n\n附件是本月压力传感器的采购合同（合同编号 HT-2026-1120），请确认并安排发货。\n\n王建国\n华东精密机械有限公司 采购部"),
        "采购合同-HT-2026-1120.pdf",
        HdjmContract("HT-2026-1120"));

    public static MimeMessage EnglishPurchaseOrderFromKnownDomain(DateTimeOffset now) => WithContractPdf(
        Mail(now, "Purchasing Desk", "purchasing@keller-suzhou.com", "demo-2.po@keller-suzhou.com", "Purchase Order KS-PO-2026-0117",
            "Dear Sir or Madam,\n\nplease find attached our purchase order KS-PO-2026-0117. Kindly confirm the delivery date.\n\nBest regards,\nPurchasing, Keller Instruments (Suzhou)"),
        "PO-KS-PO-2026-0117.pdf",
        new ContractDocument("PURCHASE ORDER", [
            ["PO No.: KS-PO-2026-0117", "PO Date: 2026-11-24"],
            ["Buyer: Keller Instruments (Suzhou) Co., Ltd."],
            ["Supplier: Mingcheng Sensor Systems (Shanghai) Co., Ltd."],
            ["Currency: CNY", "Delivery Date: 2026-12-31"],
            ["No.", "Part No.", "Description", "Qty", "Unit", "Unit Price", "Amount"],
            ["1", "MC-TS-1003", "Temperature Sensor PT100", "50", "pcs", "294.86", "14,743.00"],
            ["2", "MC-PS-1003", "Pressure Sensor 0-1MPa", "5", "pcs", "1,292.54", "6,462.70"],
            ["Total Amount: CNY 21,205.70"],
            ["Payment Terms: Net 30"],
        ], []));

    public static MimeMessage Newsletter(DateTimeOffset now)
    {
        var message = Mail(now, "Industry Weekly", "news@industry-weekly.example.com", "demo-3.news@industry-weekly.example.com",
            "Industry Weekly: sensor market trends in Q4", "");
        message.Body = new TextPart("html")
        {
            Text = "<html><body><h1>Industry Weekly</h1><p>Sensor prices kept falling in Q4; smart factories drive demand.</p>"
                + "<p><a href=\"https://industry-weekly.example.com/unsubscribe\">Unsubscribe</a></p></body></html>",
        };
        return message;
    }

    public static MimeMessage AmbiguousCustomerContract(DateTimeOffset now) => WithContractPdf(
        Mail(now, "采购中心", "procurement@sinomat-group.com", "demo-4.sinomat@sinomat-group.com", "订货合同 ZC-2026-0311",
            "您好，附件为订货合同，请查收。"),
        "订货合同-ZC-2026-0311.pdf",
        new ContractDocument("订货合同", [
            ["合同编号：ZC-2026-0311", "签订日期：2026年11月25日"],
            ["买方：中材重工集团"],
            ["卖方：明诚传感系统（上海）有限公司"],
            ["币种：人民币"],
            ["序号", "物料编号", "品名", "数量", "单位", "单价", "金额"],
            ["1", "MC-PS-1001", "压力传感器", "5", "个", "2,229.72", "11,148.60"],
            ["合计金额：¥11,148.60"],
        ], []));

    /// <summary>
    /// 华东精密机械's contract (customer C10001) at the sample master data's list prices, under its own number: the demo
    /// mail, the cross-service tests and the load benchmark all send this contract.
    /// </summary>
    public static ContractDocument HdjmContract(string contractNo) => new("采购合同", [
        [$"合同编号：{contractNo}", "签订日期：2026年11月20日"],
        ["买方（Buyer）：华东精密机械有限公司"],
        ["卖方/Seller：明诚传感系统（上海）有限公司"],
        ["币种：人民币", "交货日期：2026/12/20"],
        ["序号", "物料编号", "客户料号", "品名", "数量", "单位", "单价", "金额"],
        ["1", "MC-PS-1001", "HDJM-WL-001", "压力传感器0-1MPa", "10", "个", "2,229.72", "22,297.20"],
        ["2", "-", "HDJM-WL-002", "压力传感器0-2.5MPa", "20", "个", "841.28", "16,825.60"],
        ["合计金额：¥39,122.80"],
        ["付款方式：月结60天"],
    ], []);

    /// <summary>Turns <paramref name="message"/>'s text body into text + the contract as a PDF attachment.</summary>
    public static MimeMessage WithContractPdf(MimeMessage message, string fileName, ContractDocument contract)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = message.Body ?? throw new InvalidOperationException("A mail needs its text body before its attachment.");
        var attachment = new MimePart("application", "pdf")
        {
            Content = new MimeContent(new MemoryStream(ContractPdfWriter.Write(contract))),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = fileName,
        };
        message.Body = new Multipart("mixed") { text, attachment };
        return message;
    }

    private static MimeMessage Mail(DateTimeOffset now, string fromName, string fromAddress, string messageId, string subject, string body)
    {
        var message = new MimeMessage
        {
            Subject = subject,
            Date = now,
            MessageId = messageId,
        };
        message.From.Add(new MailboxAddress(fromName, fromAddress));
        message.To.Add(new MailboxAddress("Sales", "sales@mcs.local"));
        message.Body = new TextPart("plain") { Text = body };
        return message;
    }
}
