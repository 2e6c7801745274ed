using System.Globalization;
using Mcs.Contracts.MasterData;

namespace Mcs.Benchmarks.Masterdata;

/// <summary>Deterministic master data at benchmark scale (names and sizes like the sample data set).</summary>
public sealed record SyntheticMasterData(List<Company> Companies, List<Customer> Customers, List<Contact> Contacts, List<Product> Products)
{
    public static SyntheticMasterData Create(int customers, int contacts, int products)
    {
        var random = new Random(20261127);
        var companies = new List<Company> { new() { CompanyId = "co-bench", Code = "MCS01", Name = "明诚传感系统（上海）有限公司", EmailDomains = ["mcs.local"] } };
        var customerList = Enumerable.Range(0, customers).Select(i => new Customer
        {
            CustomerId = $"cus-{i:D6}",
            CustomerNum = $"C{i + 100000}",
            Name = $"客户{i}精密机械有限公司",
            Aliases = [$"Customer {i} Precision Machinery Co., Ltd.", $"客户{i}"],
            EmailDomains = [$"customer{i}.example.cn"],
            SalesOwnerEmail = "li.na@mcs.local",
            Currency = "CNY",
            PaymentTerms = "月结60天",
        }).ToList();
        var contactList = Enumerable.Range(0, contacts).Select(i => new Contact
        {
            ContactId = $"ct-{i:D7}",
            CustomerId = customerList[i % customers].CustomerId,
            Name = $"联系人{i}",
            Email = $"buyer{i}@customer{i % customers}.example.cn",
            Phone = "+86 21 5555 " + (i % 10000).ToString("D4", CultureInfo.InvariantCulture),
            Title = "采购经理",
        }).ToList();
        var productList = Enumerable.Range(0, products).Select(i => new Product
        {
            ProductId = $"prd-{i:D7}",
            Sku = $"MC-{i:D7}",
            Name = $"压力传感器 型号{i}",
            Aliases = [$"Pressure sensor model {i}"],
            // One product in five has a customer part number, as in the sample data.
            CustomerPartNumbers = i % 5 == 0 ? [new CustomerPartNumber { CustomerId = customerList[random.Next(customers)].CustomerId, PartNo = $"CPN-{i}" }] : [],
            Unit = "pcs",
            UnitPrice = Math.Round((decimal)(random.NextDouble() * 5000), 2),
            Currency = "CNY",
        }).ToList();
        return new SyntheticMasterData(companies, customerList, contactList, productList);
    }
}
