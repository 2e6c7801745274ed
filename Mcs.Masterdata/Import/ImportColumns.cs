namespace Mcs.Masterdata.Import;

/// <summary>
/// The documented columns of each import file (Mcs.Masterdata/SampleData/README.md), with the Chinese headers that
/// sales operations use for the same thing. Header matching ignores case, spaces and underscores.
/// </summary>
public static class ImportColumns
{
    public const string Companies = "companies";
    public const string Customers = "customers";
    public const string Contacts = "contacts";
    public const string Products = "products";
    public const string PartNumbers = "customer_part_numbers";

    public static readonly IReadOnlyList<string> Entities = [Companies, Customers, Contacts, Products, PartNumbers];

    /// <summary>File or sheet names accepted for each entity (without extension).</summary>
    public static readonly IReadOnlyDictionary<string, string> EntityNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["companies"] = Companies, ["company"] = Companies, ["公司"] = Companies,
        ["customers"] = Customers, ["customer"] = Customers, ["客户"] = Customers,
        ["contacts"] = Contacts, ["contact"] = Contacts, ["联系人"] = Contacts,
        ["products"] = Products, ["product"] = Products, ["产品"] = Products,
        ["customer_part_numbers"] = PartNumbers, ["part_numbers"] = PartNumbers, ["客户料号"] = PartNumbers,
    };

    /// <summary>Per entity: canonical column → accepted headers; columns marked required must be present.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<Column>> ByEntity = new Dictionary<string, IReadOnlyList<Column>>
    {
        [Companies] =
        [
            new("id", false, "编号", "company_id"), new("code", true, "公司代码", "代码"), new("name", true, "名称", "公司名称"),
            new("aliases", false, "别名"), new("tax_id", false, "税号"), new("email_domains", false, "邮箱域名", "域名"),
        ],
        [Customers] =
        [
            new("id", false, "编号", "customer_id"), new("customer_num", true, "客户编号", "客户代码"), new("name", true, "客户名称", "名称"),
            new("aliases", false, "别名"), new("email_domains", false, "邮箱域名", "域名"), new("tax_id", false, "税号"),
            new("sales_owner_email", true, "销售负责人邮箱", "业务员邮箱"), new("currency", true, "币种", "币别"),
            new("payment_terms", false, "付款条件", "付款方式"), new("status", false, "状态"),
        ],
        [Contacts] =
        [
            new("id", false, "编号", "contact_id"), new("customer_num", true, "客户编号", "客户代码"), new("name", true, "姓名", "联系人"),
            new("email", true, "邮箱", "电子邮件"), new("phone", false, "电话", "手机"), new("title", false, "职位", "职务"),
        ],
        [Products] =
        [
            new("id", false, "编号", "product_id"), new("sku", true, "物料编码", "料号"), new("name", true, "品名", "产品名称"),
            new("aliases", false, "别名"), new("unit", true, "单位"), new("unit_price", true, "单价"), new("currency", true, "币种", "币别"),
            new("status", false, "状态"),
        ],
        [PartNumbers] =
        [
            new("sku", true, "物料编码", "料号"), new("customer_num", true, "客户编号", "客户代码"), new("part_no", true, "客户料号"),
        ],
    };

    public static string Normalize(string header) =>
        header.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();

    /// <summary>A column and its accepted header spellings.</summary>
    public sealed record Column(string Name, bool Required, params string[] Synonyms)
    {
        public bool Matches(string header)
        {
            var normalized = Normalize(header);
            return normalized == Normalize(Name) || Synonyms.Any(s => Normalize(s) == normalized);
        }
    }
}
