using Mcs.Contracts.MasterData;
using Mcs.Contracts.Orders;
using Mcs.Orchestrator.Graphs.SalesEmail.Matching;
using Microsoft.Extensions.Options;

namespace Mcs.Orchestrator.Graphs.SalesEmail.Policy;

/// <summary>
/// The decision policy on an order payload (the sales-email issue, "Decision policy"): customer and seller, product
/// mapping, units, currency, arithmetic and price deviation. The duplicate-contract rule needs the idempotency table
/// and lives in <c>validate_order</c>. Pure: same inputs, same verdict.
/// </summary>
public sealed class OrderPolicy(IOptions<SalesEmailPolicyOptions> options)
{
    private readonly SalesEmailPolicyOptions _options = options.Value;
    private readonly UnitNormalizer _units = new(options.Value.UnitSynonyms);

    public PolicyVerdict Evaluate(ErpOrderPayload? payload, Customer? customer, Company? company, MasterDataSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var reasons = new List<string>();
        if (customer is null)
        {
            reasons.Add(ReviewReasons.CustomerUnresolved);
        }
        else if (customer.Status != CustomerStatus.Active)
        {
            reasons.Add(ReviewReasons.CustomerInactive);
        }
        if (company is null)
        {
            reasons.Add(ReviewReasons.SellerUnresolved);
        }
        if (payload is null)
        {
            reasons.Add(ReviewReasons.PayloadMissing);
            return new PolicyVerdict(reasons, [], null);
        }
        if (payload.Lines.Count == 0)
        {
            reasons.Add(ReviewReasons.NoLines);
        }
        if (customer is not null && !string.Equals(payload.Currency, customer.Currency, StringComparison.OrdinalIgnoreCase))
        {
            reasons.Add(ReviewReasons.CurrencyMismatch);
        }
        var mappings = new List<LineMapping>();
        var lines = new List<ErpOrderLine>();
        foreach (var line in payload.Lines)
        {
            var found = ProductMatcher.Find(line.Sku, customer?.CustomerId, snapshot.Products);
            if (found is not { } match)
            {
                reasons.Add(ReviewReasons.ProductUnmapped);
                mappings.Add(new LineMapping(line.LineNo, line.Sku, "none", null, null));
                lines.Add(line);
                continue;
            }
            mappings.Add(new LineMapping(line.LineNo, line.Sku, match.Method, match.Product.ProductId, match.Product.Sku));
            lines.Add(line with { Sku = match.Product.Sku });
            CheckLine(line, match.Product, reasons);
        }
        if (Math.Abs(payload.Lines.Sum(l => l.Amount) - payload.TotalAmount) > _options.AmountTolerance)
        {
            reasons.Add(ReviewReasons.TotalMismatch);
        }
        return new PolicyVerdict(reasons.Distinct(StringComparer.Ordinal).ToArray(), mappings, payload with { Lines = lines });
    }

    private void CheckLine(ErpOrderLine line, Product product, List<string> reasons)
    {
        if (product.Status != ProductStatus.Active)
        {
            reasons.Add(ReviewReasons.ProductInactive);
        }
        if (!_units.AreSame(line.Unit, product.Unit))
        {
            reasons.Add(ReviewReasons.UnitMismatch);
        }
        if (Math.Abs((line.Quantity * line.UnitPrice) - line.Amount) > _options.AmountTolerance)
        {
            reasons.Add(ReviewReasons.LineAmountMismatch);
        }
        if (product.UnitPrice > 0 && Math.Abs(line.UnitPrice - product.UnitPrice) > product.UnitPrice * _options.PriceDeviation)
        {
            reasons.Add(ReviewReasons.PriceDeviation);
        }
    }
}
