using System.Globalization;
using Mcs.Contracts.MasterData;

namespace Mcs.Masterdata.Import;

/// <summary>Cell text → wire record fields; a cell that does not parse is reported with its file, row and column.</summary>
public static class ImportRowParser
{
    public static Company Company(TableRow row, string id) => new()
    {
        CompanyId = id, Code = row.Get("code"), Name = row.Get("name"), Aliases = row.GetList("aliases"),
        TaxId = row.GetOptional("tax_id"), EmailDomains = row.GetList("email_domains"),
    };

    public static Customer Customer(TableRow row, string id, List<ImportError> errors) => new()
    {
        CustomerId = id, CustomerNum = row.Get("customer_num"), Name = row.Get("name"), Aliases = row.GetList("aliases"),
        EmailDomains = row.GetList("email_domains"), TaxId = row.GetOptional("tax_id"), SalesOwnerEmail = row.Get("sales_owner_email"),
        Currency = row.Get("currency").ToUpperInvariant(), PaymentTerms = row.GetOptional("payment_terms"),
        Status = row.Get("status").ToLowerInvariant() switch
        {
            "" or "active" or "启用" or "正常" => CustomerStatus.Active,
            "blocked" or "停用" or "冻结" => CustomerStatus.Blocked,
            var other => Invalid(row, "status", $"'{other}' is not a customer status (active, blocked, 启用, 停用)", errors, CustomerStatus.Active),
        },
    };

    public static Contact Contact(TableRow row, string id, string customerId) => new()
    {
        ContactId = id, CustomerId = customerId, Name = row.Get("name"), Email = row.Get("email"),
        Phone = row.GetOptional("phone"), Title = row.GetOptional("title"),
    };

    public static Product Product(TableRow row, string id, IReadOnlyList<CustomerPartNumber> partNumbers, List<ImportError> errors) => new()
    {
        ProductId = id, Sku = row.Get("sku"), Name = row.Get("name"), Aliases = row.GetList("aliases"), CustomerPartNumbers = partNumbers,
        Unit = row.Get("unit"), Currency = row.Get("currency").ToUpperInvariant(),
        UnitPrice = decimal.TryParse(row.Get("unit_price").Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var price)
            ? price
            : Invalid(row, "unit_price", $"'{row.Get("unit_price")}' is not a number", errors, 0m),
        Status = row.Get("status").ToLowerInvariant() switch
        {
            "" or "active" or "在售" or "启用" => ProductStatus.Active,
            "discontinued" or "停产" or "停售" => ProductStatus.Discontinued,
            var other => Invalid(row, "status", $"'{other}' is not a product status (active, discontinued, 在售, 停产)", errors, ProductStatus.Active),
        },
    };

    private static T Invalid<T>(TableRow row, string column, string message, List<ImportError> errors, T fallback)
    {
        errors.Add(new ImportError(row.File, row.Row, column, message));
        return fallback;
    }
}
