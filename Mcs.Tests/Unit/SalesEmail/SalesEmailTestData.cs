using System.Security.Cryptography;
using Mcs.Contracts.Email;
using Mcs.Contracts.MasterData;
using Mcs.Contracts.Orders;
using Mcs.Contracts.Results;
using Mcs.Orchestrator.Graphs.SalesEmail;
using Mcs.Orchestrator.Graphs.SalesEmail.Policy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Mcs.Tests.Unit.SalesEmail;

/// <summary>
/// Master data, mails, contracts and PDFs built for the sales-email tests: a Chinese customer (上海华东机电有限公司,
/// CNY) and an English one (Acme Widgets GmbH, EUR), our two selling companies, products with part numbers and aliases.
/// </summary>
public static class SalesEmailTestData
{
    public const string OurDomain = "mcs-sales.cn";

    public static MasterDataSnapshot Snapshot() => new()
    {
        Version = 7,
        Companies =
        [
            new Company { CompanyId = "co-sh", Code = "1000", Name = "上海迈克斯贸易有限公司", Aliases = ["MCS Trading (Shanghai) Co., Ltd."], EmailDomains = [OurDomain] },
        ],
        Customers =
        [
            new Customer
            {
                CustomerId = "cu-hd", CustomerNum = "C10001", Name = "上海华东机电有限公司", Aliases = ["华东机电"], EmailDomains = ["hdjd.com.cn"],
                SalesOwnerEmail = "li.lei@mcs-sales.cn", Currency = "CNY",
            },
            new Customer
            {
                CustomerId = "cu-acme", CustomerNum = "C20002", Name = "Acme Widgets GmbH", EmailDomains = ["acme-widgets.de"],
                SalesOwnerEmail = "anna@mcs-sales.cn", Currency = "EUR",
            },
            new Customer
            {
                CustomerId = "cu-blocked", CustomerNum = "C30003", Name = "北京停用贸易有限公司", EmailDomains = ["blocked.cn"],
                SalesOwnerEmail = "li.lei@mcs-sales.cn", Currency = "CNY", Status = CustomerStatus.Blocked,
            },
            new Customer
            {
                CustomerId = "cu-shared-a", CustomerNum = "C40004", Name = "Shared Domain One Ltd", EmailDomains = ["group.example"],
                SalesOwnerEmail = "anna@mcs-sales.cn", Currency = "EUR",
            },
            new Customer
            {
                CustomerId = "cu-shared-b", CustomerNum = "C40005", Name = "Shared Domain Two Ltd", EmailDomains = ["group.example"],
                SalesOwnerEmail = "anna@mcs-sales.cn", Currency = "EUR",
            },
        ],
        Contacts =
        [
            new Contact { ContactId = "ct-wang", CustomerId = "cu-hd", Name = "王芳", Email = "wang.fang@hdjd.com.cn" },
            new Contact { ContactId = "ct-john", CustomerId = "cu-acme", Name = "John Miller", Email = "John.Miller@acme-widgets.de" },
        ],
        Products =
        [
            new Product
            {
                ProductId = "p-1", Sku = "MCS-1001", Name = "伺服电机 1kW", Aliases = ["SERVO-1K"], Unit = "PCS", UnitPrice = 1200m, Currency = "CNY",
                CustomerPartNumbers = [new CustomerPartNumber { CustomerId = "cu-hd", PartNo = "HD/88-01" }],
            },
            new Product { ProductId = "p-2", Sku = "MCS-1002", Name = "伺服电机 2kW", Unit = "PCS", UnitPrice = 2000m, Currency = "CNY" },
            new Product { ProductId = "p-3", Sku = "MCS-9000", Name = "Old gearbox", Unit = "PCS", UnitPrice = 500m, Currency = "EUR", Status = ProductStatus.Discontinued },
            new Product { ProductId = "p-4", Sku = "MCS-2001", Name = "Cable reel", Unit = "ROLL", UnitPrice = 80m, Currency = "EUR" },
        ],
    };

    public static IOptions<SalesEmailPolicyOptions> PolicyOptions()
    {
        // The shipped appsettings.json is the configuration under test: thresholds are not repeated here.
        var path = Path.Combine(Support.RepositoryPaths.Root, "Mcs.Orchestrator", "appsettings.json");
        var options = new SalesEmailPolicyOptions();
        new ConfigurationBuilder().AddJsonFile(path).Build().GetSection(SalesEmailPolicyOptions.SectionName).Bind(options);
        return Options.Create(options);
    }

    public static ErpOrderPayload ChinesePayload() => new()
    {
        ExternalRef = "", CompanyCode = "1000", CustomerNum = "C10001", OrderDate = new DateOnly(2026, 11, 3), Currency = "CNY", ContractNo = "HD-2026-118",
        Lines =
        [
            new ErpOrderLine { LineNo = 1, Sku = "MCS-1001", Quantity = 10, Unit = "个", UnitPrice = 1200m, Amount = 12000m },
            new ErpOrderLine { LineNo = 2, Sku = "MCS-1002", Quantity = 2, Unit = "件", UnitPrice = 2000m, Amount = 4000m },
        ],
        TotalAmount = 16000m,
    };

    public static DifyContractResult ChineseContract() => new()
    {
        ContractNo = "HD-2026-118", BuyerName = "上海华东机电有限公司", SellerName = "上海迈克斯贸易有限公司", Currency = "CNY", TotalAmount = 16000m,
        SignDate = new DateOnly(2026, 11, 3),
        LineItems =
        [
            new ContractLineItem { Description = "伺服电机 1kW", Sku = "MCS-1001", Quantity = 10, Unit = "个", UnitPrice = 1200m, Amount = 12000m },
            new ContractLineItem { Description = "伺服电机 2kW", Sku = "MCS-1002", Quantity = 2, Unit = "件", UnitPrice = 2000m, Amount = 4000m },
        ],
        RawOutput = "{}",
    };

    public static byte[] TextPdf(string text) => Pdf(text);

    /// <summary>A "scan": a page with only graphics, no text layer.</summary>
    public static byte[] ScannedPdf() => Pdf((string?)null);

    /// <summary>One page per entry: its text (Helvetica), or null for a page with only graphics (a scan).</summary>
    public static byte[] Pdf(params string?[] pages)
    {
        var builder = new PdfDocumentBuilder();
        PdfDocumentBuilder.AddedFont? font = null;
        foreach (var text in pages)
        {
            var page = builder.AddPage(PageSize.A4);
            if (text is null)
            {
                page.DrawRectangle(new PdfPoint(40, 400), 300, 200, 2);
            }
            else
            {
                font ??= builder.AddStandard14Font(Standard14Font.Helvetica);
                page.AddText(text, 12, new PdfPoint(40, 760), font);
            }
        }
        return builder.Build();
    }

    public static EmailAttachment Attachment(string filename, byte[] content, string detectedType = "application/pdf") => new()
    {
        AttachmentId = "att-" + filename, Filename = filename, ContentType = "application/octet-stream", DetectedType = detectedType,
        Size = content.Length, Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)), ContentBase64 = Convert.ToBase64String(content),
    };

    public static EmailEvent Email(string deliveryId, string dedupeKey, string from, string subject, string body, params EmailAttachment[] attachments) => new()
    {
        DeliveryId = deliveryId, DedupeKey = dedupeKey, MessageId = dedupeKey.Split('|')[0], Mailbox = "orders", ReceivedAt = new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero),
        From = new MailAddress { Address = from }, Subject = subject, BodyText = body, Attachments = attachments,
        RawSha256 = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(deliveryId))),
    };

    public static SalesEmailState State(string from = "wang.fang@hdjd.com.cn", string subject = "采购合同 HD-2026-118", MailAddress? forwardedFrom = null,
        params AttachmentRef[] attachments) => new()
    {
        Email = new MailSummary
        {
            DeliveryId = "d-1", DedupeKey = "m-1@hdjd.com.cn|" + from, MessageId = "m-1@hdjd.com.cn", Mailbox = "orders",
            ReceivedAt = new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero), From = new MailAddress { Address = from }, ForwardedFrom = forwardedFrom,
            Subject = subject, BodyText = "请查收附件。", Attachments = attachments, RawSha256 = "00",
        },
    };
}
