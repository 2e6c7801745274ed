using Mcs.Mocks.Demo;
using Mcs.Mocks.Dify.Extraction;

namespace Mcs.Tests.Unit.Demo;

public class ContractPdfWriterTests
{
    [Fact]
    public void A_chinese_contract_pdf_reads_back_through_the_dify_stand_in_extractor()
    {
        var pdf = ContractPdfWriter.Write(new ContractDocument("采购合同", [
            ["合同编号：HT-2026-118", "签订日期：2026年11月20日"],
            ["买方（Buyer）：华东精密机械有限公司"],
            ["卖方/Seller：明诚传感系统（上海）有限公司"],
            ["币种：人民币", "交货日期：2026/12/20"],
            ["序号", "物料编号", "客户料号", "品名", "数量", "单位", "单价", "金额"],
            ["1", "MC-PS-1001", "HDJM-WL-001", "压力传感器", "10", "个", "2,229.72", "22,297.20"],
            ["合计金额：¥22,297.20"],
        ], []));

        var lines = PdfTextReader.ReadLines(pdf);
        var contract = ContractTextParser.Parse(lines);

        Assert.Equal("HT-2026-118", (string?)contract["contract_no"]);
        Assert.Equal("华东精密机械有限公司", (string?)contract["buyer_name"]);
        Assert.Equal("CNY", (string?)contract["currency"]);
        Assert.Equal("2026-11-20", (string?)contract["sign_date"]);
        var line = contract["line_items"]!.AsArray().Single()!;
        Assert.Equal("MC-PS-1001", (string?)line["sku"]);
        Assert.Equal(10m, (decimal)line["quantity"]!);
    }

    [Fact]
    public void A_contract_with_a_scanned_seal_is_a_few_pages_whose_text_still_extracts_and_whose_bytes_are_the_image()
    {
        var terms = Enumerable.Range(1, 60).Select(i => $"第{i}条 买卖双方应遵守本合同条款。").ToArray();
        var rows = new List<IReadOnlyList<string>>
        {
            new[] { "合同编号：HT-2026-119", "签订日期：2026年11月20日" },
            new[] { "买方（Buyer）：华东精密机械有限公司" },
            new[] { "序号", "物料编号", "客户料号", "品名", "数量", "单位", "单价", "金额" },
            new[] { "1", "MC-PS-1001", "HDJM-WL-001", "压力传感器", "10", "个", "2,229.72", "22,297.20" },
        };
        var textOnly = ContractPdfWriter.Write(new ContractDocument("采购合同", rows, terms));
        var sealed_ = ContractPdfWriter.Write(new ContractDocument("采购合同", rows, terms) { SealImage = SealImageWriter.Write(200, 7) });

        using var document = UglyToad.PdfPig.PdfDocument.Open(sealed_);
        Assert.InRange(document.NumberOfPages, 2, 3);
        Assert.Single(document.GetPages().SelectMany(page => page.GetImages()));
        // 200×200 px of grain does not compress away: the image carries tens of KB, the text layer stays the same.
        Assert.True(sealed_.Length - textOnly.Length > 40_000, $"{sealed_.Length} vs {textOnly.Length} bytes");
        var contract = ContractTextParser.Parse(PdfTextReader.ReadLines(sealed_));
        Assert.Equal("HT-2026-119", (string?)contract["contract_no"]);
        Assert.Equal("MC-PS-1001", (string?)contract["line_items"]!.AsArray().Single()!["sku"]);
    }
}
