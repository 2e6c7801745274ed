using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Mcs.Tests.Support;
using MiniExcelLibs;

namespace Mcs.Tests.Service.Masterdata;

/// <summary>Uploads of CSV and xlsx files: the sample data set, Chinese headers, and broken files (all or nothing).</summary>
public sealed class MasterdataImportTests : IAsyncLifetime
{
    private static readonly string SampleData = Path.Combine(AppContext.BaseDirectory, "SampleData");
    private MasterdataApp _app = null!;

    public async Task InitializeAsync() => _app = new MasterdataApp(await TestPostgres.CreateDatabaseAsync("md_import"), redis: null);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_sample_data_set_imports_with_the_rows_the_demo_needs()
    {
        var files = Directory.GetFiles(SampleData, "*.csv").Select(path => (Path.GetFileName(path), File.ReadAllBytes(path))).ToArray();
        var response = await UploadAsync(files);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var all = await _app.AllAsync();
        Assert.Equal(3, all.Companies.Count);
        Assert.Equal(51, all.Customers.Count);
        Assert.Equal(300, all.Products.Count);
        Assert.Contains(all.Companies, c => c.Code == "MCS01" && c.EmailDomains.Contains("mcs.local"));
        var huadong = Assert.Single(all.Customers, c => c.CustomerNum == "C10001");
        Assert.Contains(all.Contacts, c => c.Email == "wang.jianguo@hdjm.com.cn" && c.CustomerId == huadong.CustomerId);
        Assert.Single(all.Customers, c => c.EmailDomains.Contains("northwind-industrial.com"));
        Assert.Single(all.Customers, c => c.EmailDomains.Contains("keller-suzhou.com") && c.Currency == "CNY");
        Assert.Equal(2, all.Customers.Count(c => c.Aliases.Any(a => a.StartsWith("宏达电子", StringComparison.Ordinal))));
        Assert.Contains(all.Products, p => p.Sku == "MC-PS-1001" && p.CustomerPartNumbers.Any(n => n.CustomerId == huadong.CustomerId && n.PartNo == "HDJM-WL-001"));

        // Importing the same files again changes nothing but the version: natural keys match the stored rows.
        (await UploadAsync(files)).EnsureSuccessStatusCode();
        Assert.Equal(51, (await _app.AllAsync()).Customers.Count);
    }

    [Fact]
    public async Task A_broken_csv_lists_every_error_by_file_row_and_column_and_imports_nothing()
    {
        var before = await _app.VersionAsync();
        var customers = "customer_num,name,sales_owner_email,currency,status\nX1,好客户,li.na@mcs.local,CNY,active\nX2,坏客户,not-an-email,CNY,gone\n";
        var products = "物料编码,品名,单位,单价,币种\nSKU-A,产品A,个,12.50,CNY\nSKU-B,产品B,个,-3,CNY\nSKU-C,产品C,个,abc,CNY\n";
        var contacts = "客户编号,姓名,邮箱\nNOPE,张三,zhang@example.com\n";

        var response = await UploadAsync(("customers.csv", Encoding.UTF8.GetBytes(customers)), ("products.csv", Encoding.UTF8.GetBytes(products)), ("contacts.csv", Encoding.UTF8.GetBytes(contacts)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("import_invalid", problem.GetProperty("code").GetString());
        var errors = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.Contains("customers.csv:3:status", errors);
        Assert.Contains("products.csv:4:unit_price", errors);
        Assert.Contains("contacts.csv:2:customer_num", errors);
        Assert.Equal(before, await _app.VersionAsync());
        Assert.Empty((await _app.AllAsync()).Customers);
    }

    [Fact]
    public async Task Store_rule_errors_are_reported_at_the_file_row_of_the_item()
    {
        var customers = "customer_num,name,sales_owner_email,currency\nY1,好客户,li.na@mcs.local,CNY\nY2,坏客户,not-an-email,CNY\n";
        var response = await UploadAsync(("customers.csv", Encoding.UTF8.GetBytes(customers)));
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("customers.csv:3:sales_owner_email", out _), problem.ToString());
        Assert.Empty((await _app.AllAsync()).Customers);
    }

    [Fact]
    public async Task An_xlsx_workbook_with_chinese_headers_imports_and_a_broken_one_is_rejected_per_cell()
    {
        var customers = new[] { new Dictionary<string, object> { ["客户编号"] = "Z1", ["客户名称"] = "上海测试有限公司", ["销售负责人邮箱"] = "li.na@mcs.local", ["币种"] = "CNY", ["邮箱域名"] = "z1.example.cn; z1.example.com" } };
        var products = new[] { new Dictionary<string, object> { ["物料编码"] = "Z-SKU-1", ["品名"] = "压力传感器", ["单位"] = "个", ["单价"] = 99.5, ["币种"] = "CNY" } };
        var good = Workbook(new Dictionary<string, object> { ["customers"] = customers, ["products"] = products });

        var ok = await UploadAsync(("masterdata.xlsx", good));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var all = await _app.AllAsync();
        Assert.Equal(["z1.example.cn", "z1.example.com"], Assert.Single(all.Customers).EmailDomains);
        Assert.Equal(99.5m, Assert.Single(all.Products).UnitPrice);

        var badProducts = new[] { new Dictionary<string, object> { ["物料编码"] = "Z-SKU-2", ["品名"] = "坏", ["单位"] = "个", ["单价"] = "九十九", ["币种"] = "CNY" } };
        var bad = await UploadAsync(("products.xlsx", Workbook(new Dictionary<string, object> { ["Sheet1"] = badProducts })));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("products.xlsx:2:unit_price", await bad.Content.ReadAsStringAsync());
        Assert.Single((await _app.AllAsync()).Products);

        var notExcel = await UploadAsync(("products.xlsx", Encoding.UTF8.GetBytes("this is not a workbook")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notExcel.StatusCode);
    }

    private static byte[] Workbook(Dictionary<string, object> sheets)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }

    private async Task<HttpResponseMessage> UploadAsync(params (string Name, byte[] Content)[] files)
    {
        using var client = _app.Client();
        using var form = new MultipartFormDataContent();
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "files", name);
        }
        return await client.PostAsync("/v1/masterdata/import", form);
    }
}
