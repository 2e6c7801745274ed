using Mcs.Contracts.MasterData;
using Mcs.Orchestrator.Graphs.SalesEmail.Matching;

namespace Mcs.Tests.Unit.SalesEmail;

/// <summary>
/// The code lookup's rules, over the index it builds once per product list: sku before the customer's part number
/// before an alias, normalized, exact, and no guess when two products answer to one code.
/// </summary>
public sealed class ProductMatcherTests
{
    private static Product Item(string id, string sku, string[]? aliases = null, params CustomerPartNumber[] parts) => new()
    {
        ProductId = id,
        Sku = sku,
        Name = id,
        Unit = "台",
        UnitPrice = 10m,
        Currency = "CNY",
        Aliases = aliases ?? [],
        CustomerPartNumbers = parts,
    };

    private static CustomerPartNumber Part(string customerId, string partNo) => new() { CustomerId = customerId, PartNo = partNo };

    [Fact]
    public void A_sku_written_with_other_case_width_and_separators_is_found_by_sku()
    {
        Product[] products = [Item("p-1", "MCS-1001"), Item("p-2", "MCS-1002")];

        var found = ProductMatcher.Find(" ｍｃｓ_1002 ", "cu-1", products);

        Assert.Equal(("p-2", ProductMatcher.BySku), (found?.Product.ProductId, found?.Method));
    }

    [Fact]
    public void A_part_number_counts_only_for_the_customer_it_belongs_to()
    {
        Product[] products = [Item("p-1", "MCS-1001", null, Part("cu-1", "HD-8801")), Item("p-2", "MCS-1002", null, Part("cu-2", "HD-8801"))];

        Assert.Equal("p-1", ProductMatcher.Find("hd8801", "cu-1", products)?.Product.ProductId);
        Assert.Equal("p-2", ProductMatcher.Find("hd8801", "cu-2", products)?.Product.ProductId);
        Assert.Null(ProductMatcher.Find("hd8801", "cu-3", products));
        Assert.Null(ProductMatcher.Find("hd8801", null, products));
    }

    [Fact]
    public void The_sku_wins_over_another_products_alias_for_the_same_code()
    {
        Product[] products = [Item("p-1", "MCS-1001", ["AB-7"]), Item("p-2", "AB-7")];

        Assert.Equal(("p-2", ProductMatcher.BySku), ProductMatcher.Find("AB7", "cu-1", products) is { } f ? (f.Product.ProductId, f.Method) : default);
    }

    [Fact]
    public void Two_products_with_one_alias_are_no_match_but_one_product_listing_it_twice_is()
    {
        Product[] twoProducts = [Item("p-1", "MCS-1001", ["GEAR-A"]), Item("p-2", "MCS-1002", ["gear a"])];
        Product[] oneProduct = [Item("p-1", "MCS-1001", ["GEAR-A", "gear a"]), Item("p-2", "MCS-1002")];

        Assert.Null(ProductMatcher.Find("gear-a", "cu-1", twoProducts));
        Assert.Equal(("p-1", ProductMatcher.ByAlias), ProductMatcher.Find("gear-a", "cu-1", oneProduct) is { } f ? (f.Product.ProductId, f.Method) : default);
    }

    [Fact]
    public void Two_products_with_one_sku_fall_through_to_the_customers_part_number()
    {
        Product[] products = [Item("p-1", "X-1"), Item("p-2", "x 1"), Item("p-3", "MCS-3", null, Part("cu-1", "X1"))];

        Assert.Equal(("p-3", ProductMatcher.ByCustomerPartNo), ProductMatcher.Find("X-1", "cu-1", products) is { } f ? (f.Product.ProductId, f.Method) : default);
        Assert.Null(ProductMatcher.Find("X-1", "cu-2", products));
    }

    [Fact]
    public void A_code_one_character_off_or_blank_is_never_matched()
    {
        Product[] products = [Item("p-1", "AB-1001", ["AB-1001-OLD"])];

        Assert.Null(ProductMatcher.Find("AB-1002", "cu-1", products));
        Assert.Null(ProductMatcher.Find("  ", "cu-1", products));
        Assert.Null(ProductMatcher.Find(null, "cu-1", products));
    }

    [Fact]
    public void Each_product_list_gets_its_own_index()
    {
        Product[] version1 = [Item("p-1", "MCS-1001")];
        Product[] version2 = [Item("p-9", "MCS-1001")];

        Assert.Equal("p-1", ProductMatcher.Find("MCS-1001", "cu-1", version1)?.Product.ProductId);
        Assert.Equal("p-9", ProductMatcher.Find("MCS-1001", "cu-1", version2)?.Product.ProductId);
        Assert.Equal("p-1", ProductMatcher.Find("MCS-1001", "cu-1", version1)?.Product.ProductId);
    }
}
