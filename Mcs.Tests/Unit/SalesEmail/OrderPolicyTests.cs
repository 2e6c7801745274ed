using Mcs.Contracts.MasterData;
using Mcs.Contracts.Orders;
using Mcs.Orchestrator.Graphs.SalesEmail;
using Mcs.Orchestrator.Graphs.SalesEmail.Policy;
using static Mcs.Tests.Unit.SalesEmail.SalesEmailTestData;

namespace Mcs.Tests.Unit.SalesEmail;

/// <summary>One test per rule of the decision policy, on Chinese and English master data.</summary>
public sealed class OrderPolicyTests
{
    private readonly OrderPolicy _policy = new(PolicyOptions());
    private readonly MasterDataSnapshot _data = Snapshot();

    private Customer Customer(string id) => _data.Customers.Single(c => c.CustomerId == id);

    private PolicyVerdict Evaluate(ErpOrderPayload payload, string customerId = "cu-hd") =>
        _policy.Evaluate(payload, Customer(customerId), _data.Companies[0], _data);

    [Fact]
    public void ChineseOrderWithUnitSynonyms_Passes_AndRecordsTheMappingPerLine()
    {
        var verdict = Evaluate(ChinesePayload());

        Assert.Empty(verdict.Reasons);
        Assert.Equal(["sku", "sku"], verdict.Mappings.Select(m => m.Method));
        Assert.Equal(["p-1", "p-2"], verdict.Mappings.Select(m => m.ProductId));
    }

    [Fact]
    public void LineByCustomerPartNumber_WithOtherSeparatorsAndFullWidth_MapsToTheSku()
    {
        var payload = ChinesePayload() with { Lines = [ChinesePayload().Lines[0] with { Sku = "ｈｄ 88_01" }], TotalAmount = 12000m };

        var verdict = Evaluate(payload);

        Assert.Empty(verdict.Reasons);
        Assert.Equal("customer_part_no", verdict.Mappings[0].Method);
        Assert.Equal("MCS-1001", verdict.Payload!.Lines[0].Sku);
    }

    [Fact]
    public void LineByAlias_Maps()
    {
        var payload = ChinesePayload() with { Lines = [ChinesePayload().Lines[0] with { Sku = "servo 1k" }], TotalAmount = 12000m };

        Assert.Equal("alias", Evaluate(payload).Mappings[0].Method);
    }

    [Fact]
    public void CodeOneCharacterOff_IsNeverMatchedFuzzily()
    {
        var payload = ChinesePayload() with { Lines = [ChinesePayload().Lines[0] with { Sku = "MCS-1003" }], TotalAmount = 12000m };

        var verdict = Evaluate(payload);

        Assert.Contains(ReviewReasons.ProductUnmapped, verdict.Reasons);
        Assert.Equal("none", verdict.Mappings[0].Method);
    }

    [Fact]
    public void DiscontinuedProduct_GoesToReview()
    {
        var payload = new ErpOrderPayload
        {
            ExternalRef = "", CompanyCode = "1000", CustomerNum = "C20002", OrderDate = new DateOnly(2026, 11, 3), Currency = "EUR", ContractNo = "PO-77",
            Lines = [new ErpOrderLine { LineNo = 1, Sku = "MCS-9000", Quantity = 1, Unit = "pcs", UnitPrice = 500m, Amount = 500m }], TotalAmount = 500m,
        };

        Assert.Equal([ReviewReasons.ProductInactive], Evaluate(payload, "cu-acme").Reasons);
    }

    [Fact]
    public void UnitThatIsNoSynonymOfTheProductUnit_GoesToReview()
    {
        var payload = ChinesePayload() with { Lines = [ChinesePayload().Lines[0] with { Unit = "箱" }], TotalAmount = 12000m };

        Assert.Equal([ReviewReasons.UnitMismatch], Evaluate(payload).Reasons);
    }

    [Fact]
    public void CurrencyOtherThanTheCustomers_GoesToReview()
    {
        Assert.Equal([ReviewReasons.CurrencyMismatch], Evaluate(ChinesePayload() with { Currency = "USD" }).Reasons);
    }

    [Fact]
    public void QuantityTimesPriceOffByMoreThanOneCent_GoesToReview()
    {
        var lines = ChinesePayload().Lines.ToArray();
        lines[0] = lines[0] with { Amount = 12000.02m };
        var verdict = Evaluate(ChinesePayload() with { Lines = lines, TotalAmount = 16000.02m });

        Assert.Equal([ReviewReasons.LineAmountMismatch], verdict.Reasons);
    }

    [Fact]
    public void QuantityTimesPriceWithinOneCent_Passes()
    {
        var lines = ChinesePayload().Lines.ToArray();
        lines[0] = lines[0] with { Amount = 12000.01m };

        Assert.Empty(Evaluate(ChinesePayload() with { Lines = lines, TotalAmount = 16000.01m }).Reasons);
    }

    [Fact]
    public void LinesNotAddingUpToTheTotal_GoesToReview()
    {
        Assert.Equal([ReviewReasons.TotalMismatch], Evaluate(ChinesePayload() with { TotalAmount = 16100m }).Reasons);
    }

    [Theory]
    [InlineData(1440, false)]
    [InlineData(960, false)]
    [InlineData(1441, true)]
    [InlineData(959, true)]
    public void UnitPriceOutsideTwentyPercentOfTheCatalogue_GoesToReview(decimal price, bool review)
    {
        var lines = ChinesePayload().Lines.ToArray();
        lines[0] = lines[0] with { UnitPrice = price, Amount = price * 10 };
        var verdict = Evaluate(ChinesePayload() with { Lines = lines, TotalAmount = (price * 10) + 4000m });

        Assert.Equal(review, verdict.Reasons.Contains(ReviewReasons.PriceDeviation));
        Assert.Equal(review ? 1 : 0, verdict.Reasons.Count);
    }

    [Fact]
    public void BlockedCustomer_GoesToReview()
    {
        Assert.Contains(ReviewReasons.CustomerInactive, Evaluate(ChinesePayload(), "cu-blocked").Reasons);
    }

    [Fact]
    public void UnresolvedCustomerOrSeller_GoesToReview()
    {
        var verdict = _policy.Evaluate(ChinesePayload(), null, null, _data);

        Assert.Contains(ReviewReasons.CustomerUnresolved, verdict.Reasons);
        Assert.Contains(ReviewReasons.SellerUnresolved, verdict.Reasons);
    }
}
