using System.Text;
using Mcs.Masterdata.Endpoints;
using Mcs.Masterdata.Import;

namespace Mcs.Tests.Unit.Masterdata;

public class MasterdataPrimitivesTests
{
    [Fact]
    public void Csv_reader_handles_quotes_commas_line_breaks_bom_and_gb18030()
    {
        var rows = CsvReader.Read(Encoding.UTF8.GetBytes("\uFEFFname,aliases\n\"Huadong, Ltd.\",\"say \"\"hi\"\"\nline2\"\r\nx,y"));
        Assert.Equal(["name", "aliases"], rows[0]);
        Assert.Equal(["Huadong, Ltd.", "say \"hi\"\nline2"], rows[1]);
        Assert.Equal(["x", "y"], rows[2]);

        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gbk = Encoding.GetEncoding("GB18030").GetBytes("客户编号,客户名称\nC1,华东精密机械有限公司\n");
        Assert.Equal("华东精密机械有限公司", CsvReader.Read(gbk)[1][1]);
    }

    [Fact]
    public void Paging_continues_after_the_cursor_id_even_when_that_row_is_gone()
    {
        var ids = new[] { "a", "b", "d", "e" };
        var first = Paging.Page(ids, x => x, 2, null);
        Assert.Equal(["a", "b"], first.Items);
        Assert.NotNull(first.NextCursor);
        var fromC = Paging.Page(ids, x => x, 2, Paging.EncodeCursor("c"));
        Assert.Equal(["d", "e"], fromC.Items);
        Assert.Null(fromC.NextCursor);
    }

    [Theory]
    [InlineData("\"7\"", 7, true)]
    [InlineData("W/\"7\"", 7, true)]
    [InlineData("\"6\", \"7\"", 7, true)]
    [InlineData("*", 7, true)]
    [InlineData("\"6\"", 7, false)]
    [InlineData("7", 7, false)]
    public void If_none_match_compares_against_the_quoted_version(string header, long version, bool hit) =>
        Assert.Equal(hit, EntityTags.NoneMatchHits(header, version));

    [Theory]
    [InlineData("gzip, deflate, br", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("br;q=0, gzip;q=0.5", "gzip")]
    [InlineData("identity", null)]
    [InlineData("", null)]
    public void Encoding_prefers_brotli_then_gzip_and_honours_q_zero(string accept, string? expected) =>
        Assert.Equal(expected, SnapshotEndpoints.ChooseEncoding(accept));

    [Fact]
    public void Import_headers_accept_chinese_and_english_spellings()
    {
        var sku = ImportColumns.ByEntity[ImportColumns.Products].Single(c => c.Name == "sku");
        Assert.True(sku.Matches("物料编码"));
        Assert.True(sku.Matches(" SKU "));
        Assert.False(sku.Matches("skew"));
        var rows = new TableRow("x.csv", 2, new Dictionary<string, string> { ["aliases"] = "宏达电子；Hongda | HD" });
        Assert.Equal(["宏达电子", "Hongda", "HD"], rows.GetList("aliases"));
    }
}
