using Mcs.Contracts.MasterData;

namespace Mcs.Tests.Service.Masterdata;

/// <summary>Valid records to start from; tests change one thing to make them invalid.</summary>
public static class Bodies
{
    public static Customer Customer(string num, string? id = null) => new()
    {
        CustomerId = id ?? "cus-" + num,
        CustomerNum = num,
        Name = "客户 " + num,
        Aliases = ["Customer " + num],
        EmailDomains = [num.ToLowerInvariant() + ".example.com"],
        SalesOwnerEmail = "li.na@mcs.local",
        Currency = "CNY",
        PaymentTerms = "月结30天",
    };

    public static Contact Contact(string email, string customerId, string? id = null) => new()
    {
        ContactId = id ?? "ct-" + email,
        CustomerId = customerId,
        Name = "联系人",
        Email = email,
    };

    public static Product Product(string sku, decimal price = 12.5m, params CustomerPartNumber[] partNumbers) => new()
    {
        ProductId = "prd-" + sku,
        Sku = sku,
        Name = "产品 " + sku,
        Unit = "pcs",
        UnitPrice = price,
        Currency = "CNY",
        CustomerPartNumbers = partNumbers,
    };
}
