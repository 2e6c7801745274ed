using System.Text;

namespace Mcs.Mocks.Dify.Extraction;

/// <summary>
/// The labels and column headings the extractor understands (Mcs.Mocks/README.md lists them for people who make
/// sample contracts). Keys are compared after <see cref="Normalize"/>: half-width, lower case, no spaces or dots.
/// </summary>
public static class ContractVocabulary
{
    public static readonly IReadOnlyDictionary<string, string> Labels = Build(new()
    {
        ["contract_no"] = ["合同编号", "合同号", "合同号码", "订单编号", "订单号", "采购订单号", "采购单号", "contractno", "contractnumber", "contract#", "pono", "ponumber", "po#", "purchaseorderno", "purchaseordernumber", "orderno", "ordernumber", "invoiceno", "invoicenumber"],
        ["buyer_name"] = ["买方", "需方", "甲方", "采购方", "订货方", "订购方", "buyer", "purchaser", "customer", "soldto", "billto"],
        ["seller_name"] = ["卖方", "供方", "乙方", "供货方", "供应商", "销售方", "seller", "supplier", "vendor"],
        ["sign_date"] = ["签订日期", "签约日期", "合同日期", "订单日期", "签订时间", "日期", "date", "contractdate", "signingdate", "signdate", "dateofsigning", "orderdate", "podate", "invoicedate"],
        ["delivery_date"] = ["交货日期", "交货期", "交期", "到货日期", "交货时间", "deliverydate", "requesteddeliverydate", "shipdate", "deliveryby"],
        ["currency"] = ["币种", "币别", "货币", "currency"],
        ["total_amount"] = ["合计金额", "合同总金额", "合同总价", "总金额", "合同金额", "价税合计", "合计", "总计", "总价", "totalamount", "total", "grandtotal", "contractvalue", "totalvalue", "ordertotal"],
        ["payment_terms"] = ["付款方式", "付款条件", "付款条款", "结算方式", "paymentterms", "payment", "termsofpayment"],
    });

    public static readonly IReadOnlyDictionary<string, string> Columns = Build(new()
    {
        ["line_no"] = ["序号", "行号", "no", "#", "line"],
        ["sku"] = ["物料编号", "物料号", "物料编码", "料号", "产品编号", "产品编码", "货号", "型号", "编码", "sku", "partno", "partnumber", "itemno", "itemcode", "item#", "productcode", "articleno", "code"],
        ["customer_part_no"] = ["客户料号", "客户物料号", "客户零件号", "贵司料号", "customerpartno", "customerpartnumber", "custpartno", "yourpartno"],
        ["description"] = ["品名", "名称", "产品名称", "货物名称", "商品名称", "品名规格", "描述", "规格", "description", "product", "productname", "item", "goods", "name"],
        ["quantity"] = ["数量", "订货数量", "qty", "quantity"],
        ["unit"] = ["单位", "unit", "uom"],
        ["unit_price"] = ["单价", "含税单价", "unitprice", "price"],
        ["amount"] = ["金额", "总价", "小计", "含税金额", "amount", "linetotal", "total", "extendedprice", "subtotal"],
    });

    /// <summary>"买方/Buyer", "单价(元)", "Contract No." → the alternatives a label or heading names.</summary>
    public static IEnumerable<string> Alternatives(string label) =>
        TextValues.ToHalfWidth(label).Split(['/', '(', ')', '（', '）', '[', ']'], StringSplitOptions.RemoveEmptyEntries)
            .Select(Normalize)
            .Where(alternative => alternative.Length > 0);

    public static string? Find(IReadOnlyDictionary<string, string> vocabulary, string label) =>
        Alternatives(label).Select(alternative => vocabulary.GetValueOrDefault(alternative)).FirstOrDefault(field => field is not null);

    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in TextValues.ToHalfWidth(text))
        {
            if (!char.IsWhiteSpace(c) && c != '.' && c != ':' && c != '_')
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }
        return builder.ToString();
    }

    private static Dictionary<string, string> Build(Dictionary<string, string[]> fields)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, names) in fields)
        {
            foreach (var name in names)
            {
                result[Normalize(name)] = field;
            }
        }
        return result;
    }
}
