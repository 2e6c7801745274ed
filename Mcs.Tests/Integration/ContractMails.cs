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
        message.Body = new TextPart("plain")
        {
            Text = $"李娜您好：\n\n附件是压力传感器的采购合同（合同编号 {contractNo}），请确认并安排发货。\n\n王建国\n华东精密机械有限公司 采购部",
        };
        return DemoMails.WithContractPdf(message, $"采购合同-{contractNo}.pdf", DemoMails.HdjmContract(contractNo));
    }
}
