using Mcs.Contracts.Runs;

namespace Mcs.Tests.Integration;

/// <summary>A mail APPENDed to the mailbox travels listener → orchestrator → Dify → ERP → SMTP, exactly once.</summary>
[Collection(AppHostCollection.Name)]
[Trait("Category", "Integration")]
public class MailToOrderTests(AppHostFixture fixture)
{
    [Fact(Timeout = AppHostFixture.TestTimeoutMs)]
    public async Task A_contract_mail_from_a_known_contact_becomes_exactly_one_order_and_one_notification()
    {
        var (contractNo, messageId) = ContractMails.NewIdentity("ORDER");
        using var mocks = fixture.CreateMocksAdmin();
        using var runs = fixture.CreateRunsApi();

        await DemoMailbox.AppendAsync(fixture.App, DemoMailbox.Raw(ContractMails.FromKnownContact(contractNo, messageId)));

        var run = Assert.Single(await runs.WaitForFinishedAsync(messageId));
        Assert.True(run.Status == RunStatus.Succeeded, $"run {run.RunId} ended {run.Status}: {string.Join("; ", run.Errors.Select(e => e.Code))}");
        var order = Assert.Single(await mocks.OrdersForContractAsync(contractNo));
        Assert.Equal(order.OrderId, run.ErpOrder!.OrderId);
        Assert.Equal("C10001", order.Payload.CustomerNum);
        Assert.Equal(39_122.80m, order.Payload.TotalAmount);
        var notifications = await Eventually.UntilAsync(
            () => mocks.MailsToAsync(ContractMails.Salesperson, order.OrderNo), m => m.Count > 0, $"the notification of {order.OrderNo}");
        Assert.Single(notifications);
        Assert.Contains(contractNo, notifications[0].Subject, StringComparison.Ordinal);
    }

    [Fact(Timeout = AppHostFixture.TestTimeoutMs)]
    public async Task The_same_mail_delivered_twice_is_a_duplicate_run_and_still_one_order()
    {
        var (contractNo, messageId) = ContractMails.NewIdentity("TWICE");
        using var mocks = fixture.CreateMocksAdmin();
        using var runs = fixture.CreateRunsApi();
        var raw = DemoMailbox.Raw(ContractMails.FromKnownContact(contractNo, messageId));

        await DemoMailbox.AppendAsync(fixture.App, raw);
        var first = Assert.Single(await runs.WaitForFinishedAsync(messageId));
        Assert.Equal(RunStatus.Succeeded, first.Status);
        await DemoMailbox.AppendAsync(fixture.App, raw);

        var both = await runs.WaitForFinishedAsync(messageId, count: 2);
        Assert.Equal(2, both.Count);
        var repeat = Assert.Single(both, r => r.RunId != first.RunId);
        Assert.Equal(RunStatus.Duplicate, repeat.Status);
        Assert.Equal(first.RunId, repeat.DuplicateOf);
        Assert.Equal(first.DedupeKey, repeat.DedupeKey);
        Assert.Null(repeat.ErpOrder);
        Assert.Single(await mocks.OrdersForContractAsync(contractNo));
        Assert.Single(await mocks.MailsToAsync(ContractMails.Salesperson, first.ErpOrder!.OrderNo));
    }
}
