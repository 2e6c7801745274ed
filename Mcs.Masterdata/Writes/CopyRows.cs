using Mcs.Masterdata.Data.Entities;
using Npgsql;
using NpgsqlTypes;

namespace Mcs.Masterdata.Writes;

/// <summary>
/// Column lists and binary-COPY row writers of the master data tables, in the column order of the migration
/// (Data/Migrations). A column added to an entity must be added here too, or bulk writes leave it at its default.
/// </summary>
public static class CopyRows
{
    public static readonly string[] CompanyColumns = ["id", "code", "name", "aliases", "tax_id", "email_domains"];

    public static readonly string[] CustomerColumns =
        ["id", "customer_num", "name", "aliases", "email_domains", "tax_id", "sales_owner_email", "currency", "payment_terms", "status"];

    public static readonly string[] ContactColumns = ["id", "customer_id", "name", "email", "email_key", "phone", "title"];

    public static readonly string[] ProductColumns = ["id", "sku", "name", "aliases", "unit", "unit_price", "currency", "status"];

    public static readonly string[] PartNumberColumns = ["product_id", "customer_id", "part_no"];

    public static async Task CompanyAsync(NpgsqlBinaryImporter w, CompanyEntity e, CancellationToken ct)
    {
        await w.WriteTextAsync(e.Id, ct);
        await w.WriteTextAsync(e.Code, ct);
        await w.WriteTextAsync(e.Name, ct);
        await w.WriteTextArrayAsync(e.Aliases, ct);
        await w.WriteTextAsync(e.TaxId, ct);
        await w.WriteTextArrayAsync(e.EmailDomains, ct);
    }

    public static async Task CustomerAsync(NpgsqlBinaryImporter w, CustomerEntity e, CancellationToken ct)
    {
        await w.WriteTextAsync(e.Id, ct);
        await w.WriteTextAsync(e.CustomerNum, ct);
        await w.WriteTextAsync(e.Name, ct);
        await w.WriteTextArrayAsync(e.Aliases, ct);
        await w.WriteTextArrayAsync(e.EmailDomains, ct);
        await w.WriteTextAsync(e.TaxId, ct);
        await w.WriteTextAsync(e.SalesOwnerEmail, ct);
        await w.WriteTextAsync(e.Currency, ct);
        await w.WriteTextAsync(e.PaymentTerms, ct);
        await w.WriteTextAsync(e.Status, ct);
    }

    public static async Task ContactAsync(NpgsqlBinaryImporter w, ContactEntity e, CancellationToken ct)
    {
        await w.WriteTextAsync(e.Id, ct);
        await w.WriteTextAsync(e.CustomerId, ct);
        await w.WriteTextAsync(e.Name, ct);
        await w.WriteTextAsync(e.Email, ct);
        await w.WriteTextAsync(e.EmailKey, ct);
        await w.WriteTextAsync(e.Phone, ct);
        await w.WriteTextAsync(e.Title, ct);
    }

    public static async Task ProductAsync(NpgsqlBinaryImporter w, ProductEntity e, CancellationToken ct)
    {
        await w.WriteTextAsync(e.Id, ct);
        await w.WriteTextAsync(e.Sku, ct);
        await w.WriteTextAsync(e.Name, ct);
        await w.WriteTextArrayAsync(e.Aliases, ct);
        await w.WriteTextAsync(e.Unit, ct);
        await w.WriteAsync(e.UnitPrice, NpgsqlDbType.Numeric, ct);
        await w.WriteTextAsync(e.Currency, ct);
        await w.WriteTextAsync(e.Status, ct);
    }

    public static async Task PartNumberAsync(NpgsqlBinaryImporter w, CustomerPartNumberEntity e, CancellationToken ct)
    {
        await w.WriteTextAsync(e.ProductId, ct);
        await w.WriteTextAsync(e.CustomerId, ct);
        await w.WriteTextAsync(e.PartNo, ct);
    }
}
