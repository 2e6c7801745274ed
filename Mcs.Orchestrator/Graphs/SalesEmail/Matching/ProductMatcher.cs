using Mcs.Contracts.MasterData;

namespace Mcs.Orchestrator.Graphs.SalesEmail.Matching;

/// <summary>
/// Finds the product a line's code means, in the policy's order: our sku, then the customer's own part number, then a
/// product alias; all compared with <see cref="CodeNormalizer"/>, never fuzzily. Discontinued products are found too
/// (so the reason can say "inactive" rather than "unknown").
/// </summary>
public static class ProductMatcher
{
    public const string BySku = "sku";
    public const string ByCustomerPartNo = "customer_part_no";
    public const string ByAlias = "alias";

    public static (Product Product, string Method)? Find(string? code, string? customerId, IReadOnlyList<Product> products)
    {
        ArgumentNullException.ThrowIfNull(products);
        var key = CodeNormalizer.Normalize(code);
        if (key.Length == 0)
        {
            return null;
        }
        var index = ProductCodeIndex.Of(products);
        if (Single(index.BySku(key)) is { } bySku)
        {
            return (bySku, BySku);
        }
        if (customerId is not null && Single(index.ByCustomerPartNo(customerId, key)) is { } byPart)
        {
            return (byPart, ByCustomerPartNo);
        }
        if (Single(index.ByAlias(key)) is { } byAlias)
        {
            return (byAlias, ByAlias);
        }
        return null;
    }

    // Two products answering to the same code is a master-data fault: no guess.
    private static Product? Single(IReadOnlyList<Product> matches) => matches.Count == 1 ? matches[0] : null;
}
