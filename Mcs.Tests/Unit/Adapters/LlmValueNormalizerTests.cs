using Mcs.Orchestrator.Adapters.Dify;

namespace Mcs.Tests.Unit.Adapters;

public sealed class LlmValueNormalizerTests
{
    [Theory]
    [InlineData("1,234.50", "1234.50", null)]
    [InlineData("¥1,234.50", "1234.50", "CNY")]
    [InlineData("￥１，２３４．５０", "1234.50", "CNY")]
    [InlineData("人民币 12,000 元", "12000", "CNY")]
    [InlineData("RMB 88.8", "88.8", "CNY")]
    [InlineData("１２３", "123", null)]
    [InlineData("12.5万", "125000", null)]
    [InlineData("USD 1,000", "1000", "USD")]
    [InlineData("€ 1.234,50", "1234.50", "EUR")]
    [InlineData("-3.5", "-3.5", null)]
    public void Amounts_as_llms_write_them_are_read(string raw, string expected, string? currency)
    {
        Assert.True(LlmValueNormalizer.TryParseAmount(raw, out var value, out var found));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
        Assert.Equal(currency, found);
    }

    [Theory]
    [InlineData("")]
    [InlineData("about a thousand")]
    [InlineData("1.2.3")]
    public void Text_that_is_not_an_amount_is_refused(string raw) =>
        Assert.False(LlmValueNormalizer.TryParseAmount(raw, out _));

    [Theory]
    [InlineData("2026-11-03")]
    [InlineData("2026/11/3")]
    [InlineData("2026.11.3")]
    [InlineData("2026年11月3日")]
    [InlineData("２０２６年１１月３日")]
    [InlineData("20261103")]
    [InlineData("2026-11-03T00:00:00Z")]
    [InlineData("3 Nov 2026")]
    [InlineData("November 3, 2026")]
    public void Dates_in_every_usual_form_are_read(string raw)
    {
        Assert.True(LlmValueNormalizer.TryParseDate(raw, out var date));
        Assert.Equal(new DateOnly(2026, 11, 3), date);
    }

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("2026年13月1日")]
    [InlineData("next Tuesday")]
    public void Impossible_or_vague_dates_are_refused(string raw) =>
        Assert.False(LlmValueNormalizer.TryParseDate(raw, out _));

    [Theory]
    [InlineData("¥", "CNY")]
    [InlineData("人民币", "CNY")]
    [InlineData("rmb", "CNY")]
    [InlineData("CNY", "CNY")]
    [InlineData("元", "CNY")]
    [InlineData("美元", "USD")]
    [InlineData("US$", "USD")]
    [InlineData("eur", "EUR")]
    [InlineData("ＥＵＲ", "EUR")]
    [InlineData("CHF", "CHF")]
    public void Currency_words_and_symbols_become_iso_codes(string raw, string expected) =>
        Assert.Equal(expected, LlmValueNormalizer.NormalizeCurrency(raw));

    [Fact]
    public void Unknown_currency_text_is_null() => Assert.Null(LlmValueNormalizer.NormalizeCurrency("shells"));
}
