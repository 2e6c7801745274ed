using Mcs.Masterdata.Data.Entities;

namespace Mcs.Masterdata.Writes;

/// <summary>
/// The binary-COPY layouts of the master data tables, in the column order of the migration (Data/Migrations). A column
/// added to an entity must be added here too, or bulk writes leave it at its default.
/// </summary>
public static class CopyRows
{
    public static readonly CopyTable<CompanyEntity> Companies = new CopyTable<CompanyEntity>("companies")
        .Text("id", e => e.Id).Text("code", e => e.Code).Text("name", e => e.Name).TextArray("aliases", e => e.Aliases)
        .Text("tax_id", e => e.TaxId).TextArray("email_domains", e => e.EmailDomains);

    public static readonly CopyTable<CustomerEntity> Customers = new CopyTable<CustomerEntity>("customers")
        .Text("id", e => e.Id).Text("customer_num", e => e.CustomerNum).Text("name", e => e.Name).TextArray("aliases", e => e.Aliases)
        .TextArray("email_domains", e => e.EmailDomains).Text("tax_id", e => e.TaxId).Text("sales_owner_email", e => e.SalesOwnerEmail)
        .Text("currency", e => e.Currency).Text("payment_terms", e => e.PaymentTerms).Text("status", e => e.Status);

    public static readonly CopyTable<ContactEntity> Contacts = new CopyTable<ContactEntity>("contacts")
        .Text("id", e => e.Id).Text("customer_id", e => e.CustomerId).Text("name", e => e.Name).Text("email", e => e.Email)
        .Text("email_key", e => e.EmailKey).Text("phone", e => e.Phone).Text("title", e => e.Title);

    public static readonly CopyTable<ProductEntity> Products = new CopyTable<ProductEntity>("products")
        .Text("id", e => e.Id).Text("sku", e => e.Sku).Text("name", e => e.Name).TextArray("aliases", e => e.Aliases)
        .Text("unit", e => e.Unit).Numeric("unit_price", e => e.UnitPrice).Text("currency", e => e.Currency).Text("status", e => e.Status);

    public static readonly CopyTable<CustomerPartNumberEntity> PartNumbers = new CopyTable<CustomerPartNumberEntity>("customer_part_numbers")
        .Text("product_id", e => e.ProductId).Text("customer_id", e => e.CustomerId).Text("part_no", e => e.PartNo);
}
