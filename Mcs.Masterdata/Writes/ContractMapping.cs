using Mcs.Contracts.MasterData;
using Mcs.Masterdata.Data.Entities;

namespace Mcs.Masterdata.Writes;

/// <summary>Entity ⇄ wire record. Status enums are stored as their wire strings so the database reads like the API.</summary>
public static class ContractMapping
{
    public static Company ToContract(this CompanyEntity e) => new()
    {
        CompanyId = e.Id, Code = e.Code, Name = e.Name, Aliases = e.Aliases, TaxId = e.TaxId, EmailDomains = e.EmailDomains,
    };

    public static Customer ToContract(this CustomerEntity e) => new()
    {
        CustomerId = e.Id, CustomerNum = e.CustomerNum, Name = e.Name, Aliases = e.Aliases, EmailDomains = e.EmailDomains,
        TaxId = e.TaxId, SalesOwnerEmail = e.SalesOwnerEmail, Currency = e.Currency, PaymentTerms = e.PaymentTerms,
        Status = e.Status == "blocked" ? CustomerStatus.Blocked : CustomerStatus.Active,
    };

    public static Contact ToContract(this ContactEntity e) => new()
    {
        ContactId = e.Id, CustomerId = e.CustomerId, Name = e.Name, Email = e.Email, Phone = e.Phone, Title = e.Title,
    };

    public static Product ToContract(this ProductEntity e, IReadOnlyList<CustomerPartNumber> partNumbers) => new()
    {
        ProductId = e.Id, Sku = e.Sku, Name = e.Name, Aliases = e.Aliases, CustomerPartNumbers = partNumbers, Unit = e.Unit,
        UnitPrice = e.UnitPrice, Currency = e.Currency,
        Status = e.Status == "discontinued" ? ProductStatus.Discontinued : ProductStatus.Active,
    };

    public static void CopyFrom(this CompanyEntity e, Company c)
    {
        e.Code = c.Code.Trim();
        e.Name = c.Name.Trim();
        e.Aliases = [.. c.Aliases];
        e.TaxId = c.TaxId;
        e.EmailDomains = [.. c.EmailDomains.Select(d => d.Trim().ToLowerInvariant())];
    }

    public static void CopyFrom(this CustomerEntity e, Customer c)
    {
        e.CustomerNum = c.CustomerNum.Trim();
        e.Name = c.Name.Trim();
        e.Aliases = [.. c.Aliases];
        e.EmailDomains = [.. c.EmailDomains.Select(d => d.Trim().ToLowerInvariant())];
        e.TaxId = c.TaxId;
        e.SalesOwnerEmail = c.SalesOwnerEmail.Trim();
        e.Currency = c.Currency;
        e.PaymentTerms = c.PaymentTerms;
        e.Status = c.Status == CustomerStatus.Blocked ? "blocked" : "active";
    }

    public static void CopyFrom(this ContactEntity e, Contact c)
    {
        e.CustomerId = c.CustomerId;
        e.Name = c.Name.Trim();
        e.Email = c.Email.Trim();
        e.EmailKey = EmailKey(c.Email);
        e.Phone = c.Phone;
        e.Title = c.Title;
    }

    public static void CopyFrom(this ProductEntity e, Product p)
    {
        e.Sku = p.Sku.Trim();
        e.Name = p.Name.Trim();
        e.Aliases = [.. p.Aliases];
        e.Unit = p.Unit.Trim();
        // Money is stored with two decimals (architecture.md, "Wire details").
        e.UnitPrice = Math.Round(p.UnitPrice, 2, MidpointRounding.AwayFromZero);
        e.Currency = p.Currency;
        e.Status = p.Status == ProductStatus.Discontinued ? "discontinued" : "active";
    }

    public static string EmailKey(string email) => email.Trim().ToLowerInvariant();
}
