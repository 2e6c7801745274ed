using Mcs.Contracts.MasterData;
using Npgsql;

namespace Mcs.Masterdata.Snapshots;

/// <summary>
/// Reads every master data table with plain Npgsql readers into the wire records, inside the caller's transaction.
/// Lists are sorted by id (ordinal, in .NET, whatever the database collation) because cursor paging relies on it.
/// </summary>
public static class SnapshotReaders
{
    public static async Task<MasterDataSnapshot> ReadAllAsync(NpgsqlConnection connection, long version, CancellationToken ct)
    {
        var companies = await ReadAsync(connection, "select id, code, name, aliases, tax_id, email_domains from companies", r => new Company
        {
            CompanyId = r.GetString(0), Code = r.GetString(1), Name = r.GetString(2), Aliases = r.GetFieldValue<string[]>(3),
            TaxId = NullableText(r, 4), EmailDomains = r.GetFieldValue<string[]>(5),
        }, ct);
        var customers = await ReadAsync(connection,
            "select id, customer_num, name, aliases, email_domains, tax_id, sales_owner_email, currency, payment_terms, status from customers", r => new Customer
            {
                CustomerId = r.GetString(0), CustomerNum = r.GetString(1), Name = r.GetString(2), Aliases = r.GetFieldValue<string[]>(3),
                EmailDomains = r.GetFieldValue<string[]>(4), TaxId = NullableText(r, 5), SalesOwnerEmail = r.GetString(6), Currency = r.GetString(7),
                PaymentTerms = NullableText(r, 8), Status = r.GetString(9) == "blocked" ? CustomerStatus.Blocked : CustomerStatus.Active,
            }, ct);
        var contacts = await ReadAsync(connection, "select id, customer_id, name, email, phone, title from contacts", r => new Contact
        {
            ContactId = r.GetString(0), CustomerId = r.GetString(1), Name = r.GetString(2), Email = r.GetString(3),
            Phone = NullableText(r, 4), Title = NullableText(r, 5),
        }, ct);
        var numbers = await ReadAsync(connection, "select product_id, customer_id, part_no from customer_part_numbers",
            r => (ProductId: r.GetString(0), Number: new CustomerPartNumber { CustomerId = r.GetString(1), PartNo = r.GetString(2) }), ct);
        var numbersByProduct = new Dictionary<string, List<CustomerPartNumber>>(StringComparer.Ordinal);
        foreach (var (productId, number) in numbers)
        {
            if (!numbersByProduct.TryGetValue(productId, out var list))
            {
                numbersByProduct[productId] = list = [];
            }
            list.Add(number);
        }
        foreach (var list in numbersByProduct.Values)
        {
            list.Sort(static (a, b) => string.CompareOrdinal(a.CustomerId, b.CustomerId) is var c && c != 0 ? c : string.CompareOrdinal(a.PartNo, b.PartNo));
        }
        var products = await ReadAsync(connection, "select id, sku, name, aliases, unit, unit_price, currency, status from products", r => new Product
        {
            ProductId = r.GetString(0), Sku = r.GetString(1), Name = r.GetString(2), Aliases = r.GetFieldValue<string[]>(3),
            CustomerPartNumbers = numbersByProduct.TryGetValue(r.GetString(0), out var list) ? list : [],
            Unit = r.GetString(4), UnitPrice = r.GetDecimal(5), Currency = r.GetString(6),
            Status = r.GetString(7) == "discontinued" ? ProductStatus.Discontinued : ProductStatus.Active,
        }, ct);
        companies.Sort(static (a, b) => string.CompareOrdinal(a.CompanyId, b.CompanyId));
        customers.Sort(static (a, b) => string.CompareOrdinal(a.CustomerId, b.CustomerId));
        contacts.Sort(static (a, b) => string.CompareOrdinal(a.ContactId, b.ContactId));
        products.Sort(static (a, b) => string.CompareOrdinal(a.ProductId, b.ProductId));
        return new MasterDataSnapshot { Version = version, Companies = companies, Customers = customers, Contacts = contacts, Products = products };
    }

    public static async Task<List<T>> ReadAsync<T>(NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> map, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(map(reader));
        }
        return rows;
    }

    private static string? NullableText(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
