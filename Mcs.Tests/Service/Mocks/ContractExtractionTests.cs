using System.Text.Json.Nodes;
using Mcs.Mocks.Dify.Extraction;

namespace Mcs.Tests.Service.Mocks;

public sealed class ContractExtractionTests
{
    [Fact]
    public void Generated_english_contract_pdf_yields_every_field_and_line()
    {
        var contract = ContractTextParser.Parse(PdfTextReader.ReadLines(SamplePdf.EnglishContract()));

        Assert.Equal("SC-2026-0042", Text(contract, "contract_no"));
        Assert.Equal("Acme Industrial Supplies GmbH", Text(contract, "buyer_name"));
        Assert.Equal("Shanghai Precision Parts Co., Ltd.", Text(contract, "seller_name"));
        Assert.Equal("2026-03-15", Text(contract, "sign_date"));
        Assert.Equal("2026-04-30", Text(contract, "delivery_date"));
        Assert.Equal("EUR", Text(contract, "currency"));
        Assert.Equal("30 days net", Text(contract, "payment_terms"));
        Assert.Equal(5050.00m, contract["total_amount"]!.GetValue<decimal>());
        var lines = contract["line_items"]!.AsArray();
        Assert.Equal(2, lines.Count);
        Assert.Equal("BRG-6204", Text(lines[0]!.AsObject(), "sku"));
        Assert.Equal(1000m, lines[0]!["quantity"]!.GetValue<decimal>());
        Assert.Equal("pcs", Text(lines[0]!.AsObject(), "unit"));
        Assert.Equal(2.50m, lines[0]!["unit_price"]!.GetValue<decimal>());
        Assert.Equal(2550.00m, lines[1]!["amount"]!.GetValue<decimal>());
    }

    [Fact]
    public void Chinese_contract_text_with_full_width_colons_and_yuan_amounts_is_understood()
    {
        string[] lines =
        [
            "购销合同",
            "合同编号：HT-2026-118        签订日期：2026年3月5日",
            "买方（Buyer）：上海华东机电有限公司",
            "卖方/Seller：苏州精密零件股份有限公司",
            "币种：人民币        交货日期：2026/4/1",
            "序号  物料编号  客户料号  品名  数量  单位  单价  金额",
            "1  P-1001  KH-77  轴承  100件  -  ¥12.50  ¥1,250.00",
            "2  P-2002  -  齿轮  20  套  ３０．００  600.00",
            "合计金额：¥1,850.00",
            "付款方式：月结30天",
        ];

        var contract = ContractTextParser.Parse(lines);

        Assert.Equal("HT-2026-118", Text(contract, "contract_no"));
        Assert.Equal("2026-03-05", Text(contract, "sign_date"));
        Assert.Equal("上海华东机电有限公司", Text(contract, "buyer_name"));
        Assert.Equal("苏州精密零件股份有限公司", Text(contract, "seller_name"));
        Assert.Equal("CNY", Text(contract, "currency"));
        Assert.Equal("2026-04-01", Text(contract, "delivery_date"));
        Assert.Equal(1850.00m, contract["total_amount"]!.GetValue<decimal>());
        Assert.Equal("月结30天", Text(contract, "payment_terms"));
        var items = contract["line_items"]!.AsArray();
        Assert.Equal(2, items.Count);
        Assert.Equal("KH-77", Text(items[0]!.AsObject(), "customer_part_no"));
        Assert.Equal("件", Text(items[0]!.AsObject(), "unit"));
        Assert.Equal(100m, items[0]!["quantity"]!.GetValue<decimal>());
        Assert.Null(items[1]!["customer_part_no"]);
        Assert.Equal(30.00m, items[1]!["unit_price"]!.GetValue<decimal>());
    }

    [Fact]
    public void Corpus_invoice_pdf_gives_its_lines_total_and_currency()
    {
        var contract = ContractTextParser.Parse(PdfTextReader.ReadLines(SamplePdf.Corpus("invoice2data_AzureInterior.pdf")));

        Assert.Equal("USD", Text(contract, "currency"));
        Assert.Equal(279.84m, contract["total_amount"]!.GetValue<decimal>());
        Assert.Equal("15 Days", Text(contract, "payment_terms"));
        var items = contract["line_items"]!.AsArray();
        Assert.Equal(4, items.Count);
        Assert.Equal("[FURN_7777] Office Chair", Text(items[1]!.AsObject(), "description"));
        Assert.Equal(70.00m, items[1]!["amount"]!.GetValue<decimal>());
    }

    [Fact]
    public void A_pdf_without_contract_fields_gives_nulls_and_low_confidence_not_invented_values()
    {
        var contract = ContractTextParser.Parse(PdfTextReader.ReadLines(SamplePdf.Corpus("pdfplumber_issue-140-example.pdf")));

        Assert.Null(contract["contract_no"]);
        Assert.Null(contract["buyer_name"]);
        Assert.Empty(contract["line_items"]!.AsArray());
        Assert.True(contract["confidence"]!.GetValue<double>() < 0.2);
    }

    private static string? Text(JsonObject node, string name) => node[name]?.GetValue<string>();
}
