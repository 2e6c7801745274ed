using System.Net;
using Mcs.Contracts.Orders;
using Mcs.Contracts.Runs;
using Mcs.Mocks.Erp;
using Xunit.Abstractions;

namespace Mcs.Tests.Integration;

/// <summary>
/// What a new user sees after the run command: the four demo mails seeded into Dovecot on first start are processed
/// through listener, orchestrator, Dify and ERP stand-ins and the SMTP sink (Mcs.Mocks/Demo/DemoMails.cs).
/// </summary>
[Collection(AppHostCollection.Name)]
[Trait("Category", "Integration")]
public class DemoMailboxTests(AppHostFixture fixture, ITestOutputHelper output)
{
    private const string HdjmContract = "HT-2026-1120";
    private const string KellerContract = "KS-PO-2026-0117";
    private const string SinomatContract = "ZC-2026-0311";
    private const string SinomatMessageId = "demo-4.sinomat@sinomat-group.com";
    private const string NewsletterMessageId = "demo-3.news@industry-weekly.example.com";

    [Fact(Timeout = AppHostFixture.TestTimeoutMs)]
    public async Task The_demo_mails_become_two_orders_two_notifications_one_review_and_one_ignored_newsletter_and_approving_the_review_orders_once()
    {
        output.WriteLine($"AppHost start until every service was healthy: {fixture.StartDuration.TotalSeconds:F1} s");
        using var mocks = fixture.CreateMocksAdmin();
        using var runs = fixture.CreateRunsApi();

        var hdjm = await SingleOrderAsync(mocks, HdjmContract);
        var keller = await SingleOrderAsync(mocks, KellerContract);
        Assert.Equal("C10001", hdjm.Payload.CustomerNum);
        Assert.Equal("C10051", keller.Payload.CustomerNum);
        await Eventually.UntilAsync(() => mocks.MailsToAsync("li.na@mcs.local", hdjm.OrderNo), m => m.Count == 1, "li.na's notification");
        await Eventually.UntilAsync(() => mocks.MailsToAsync("emma.chen@mcs.local", keller.OrderNo), m => m.Count == 1, "emma.chen's notification");

        var waiting = await runs.WaitForStatusAsync(SinomatMessageId, RunStatus.WaitingReview);
        Assert.NotEmpty(waiting.Review!.Reasons);
        Assert.Empty(await mocks.OrdersForContractAsync(SinomatContract));
        var newsletter = Assert.Single(await runs.WaitForFinishedAsync(NewsletterMessageId));
        Assert.Equal(RunStatus.Ignored, newsletter.Status);
        Assert.Null(newsletter.ErpOrder);

        // The buyer 中材重工集团 matched the Nanjing and the Wuhan branch equally: the reviewer picks Nanjing.
        var corrected = (waiting.OrderPayload ?? SinomatPayload()) with { CustomerNum = "C10005", CompanyCode = "MCS01" };
        using var answer = await runs.ReviewAsync(waiting.RunId, new ReviewRequest
        {
            Decision = ReviewDecision.Approve, Reviewer = "e2e-reviewer", Payload = corrected,
        });
        Assert.True(answer.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted,
            $"review answered {(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");

        var order = await SingleOrderAsync(mocks, SinomatContract);
        Assert.Equal("C10005", order.Payload.CustomerNum);
        var run = await runs.WaitForStatusAsync(SinomatMessageId, RunStatus.Succeeded);
        Assert.Equal(order.OrderId, run.ErpOrder!.OrderId);
        Assert.Equal(ReviewDecision.Approve, run.Review!.Decision);
        // Settled: a late second create would show up as a second order for the contract.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Single(await mocks.OrdersForContractAsync(SinomatContract));
    }

    private static async Task<ErpOrder> SingleOrderAsync(MocksAdmin mocks, string contractNo)
    {
        var orders = await Eventually.UntilAsync(() => mocks.OrdersForContractAsync(contractNo), o => o.Count > 0, $"the ERP order of {contractNo}");
        return Assert.Single(orders);
    }

    /// <summary>The sinomat contract's single line as a reviewer would type it when the run has no payload yet.</summary>
    private static ErpOrderPayload SinomatPayload() => new()
    {
        ExternalRef = "",
        CompanyCode = "MCS01",
        CustomerNum = "C10005",
        OrderDate = new DateOnly(2026, 11, 25),
        Currency = "CNY",
        ContractNo = SinomatContract,
        PaymentTerms = "月结90天",
        Lines = [new ErpOrderLine { LineNo = 1, Sku = "MC-PS-1001", Quantity = 5, Unit = "个", UnitPrice = 2229.72m, Amount = 11148.60m }],
        TotalAmount = 11148.60m,
    };
}
