using Mcs.Orchestrator.Adapters.Similarity;
using Microsoft.Extensions.Options;

namespace Mcs.Tests.Unit.Adapters;

public sealed class FuzzyCustomerNameMatcherTests
{
    private readonly FuzzyCustomerNameMatcher _matcher = new(Options.Create(new SimilarityOptions()));

    [Theory]
    [InlineData("上海某某有限公司", "某某")]
    [InlineData("某某（上海）有限公司", "某某")]
    [InlineData("上海市某某机械股份有限公司", "某某机械")]
    [InlineData("ＡＣＭＥ　ＧｍｂＨ", "acme")]
    [InlineData("Acme Co., Ltd.", "acme")]
    [InlineData("Acme Industrial Inc.", "acme industrial")]
    [InlineData("有限公司", "")]
    [InlineData("GmbH", "")]
    public void Normalisation_keeps_only_what_tells_companies_apart(string raw, string expected) =>
        Assert.Equal(expected, CompanyNameNormalizer.Normalize(raw));

    [Fact]
    public void Names_that_share_only_a_chinese_legal_form_do_not_match()
    {
        var result = _matcher.Match("上海某某有限公司", [new NameCandidate("c1", ["北京另一个有限公司"])]);

        Assert.True(result.Score < 50, $"score {result.Score}");
    }

    [Fact]
    public void Names_that_share_only_a_german_legal_form_do_not_match()
    {
        var result = _matcher.Match("Acme GmbH", [new NameCandidate("c1", ["Bosch GmbH"])]);

        Assert.True(result.Score < 50, $"score {result.Score}");
    }

    [Fact]
    public void A_name_that_is_only_a_legal_form_matches_nothing()
    {
        var result = _matcher.Match("有限公司", [new NameCandidate("c1", ["上海某某有限公司"]), new NameCandidate("c2", ["北京另一个有限公司"])]);

        Assert.Empty(result.Candidates);
        Assert.Null(result.Score);
        Assert.Contains("name_empty_after_normalization", result.Reasons);
    }

    [Theory]
    [InlineData("某某（上海）有限公司")]
    [InlineData("上海某某有限公司")]
    [InlineData("上海某某 有限责任公司")]
    public void Chinese_variants_of_the_same_company_match_it(string extracted)
    {
        var result = _matcher.Match(extracted, Customers());

        // Ranked first, and by enough that the shipped policy (score ≥ 90, margin ≥ 10) would accept it.
        Assert.Equal("c1", result.Candidates[0].Id);
        Assert.True(result.Score >= 90, $"score {result.Score}");
        Assert.True(result.Margin >= 10, $"margin {result.Margin}");
    }

    [Theory]
    [InlineData("ACME Industrial Co., Ltd.")]
    [InlineData("Acme Industrial Inc")]
    [InlineData("acme industrial gmbh")]
    public void English_variants_match_by_name_or_alias(string extracted)
    {
        var result = _matcher.Match(extracted, Customers());

        Assert.Equal("c3", result.Candidates[0].Id);
        Assert.True(result.Score >= 90, $"score {result.Score}");
        Assert.True(result.Margin >= 10, $"margin {result.Margin}");
    }

    [Fact]
    public void Two_close_candidates_are_ranked_with_no_margin()
    {
        var result = _matcher.Match("某某机械有限公司", [new NameCandidate("a", ["上海某某机械有限公司"]), new NameCandidate("b", ["北京某某机械有限公司"])]);

        Assert.Equal(0, result.Margin);
        Assert.Equal(2, result.Candidates.Count);
        Assert.Equal(["a", "b"], result.Candidates.Select(c => c.Id));
    }

    private static NameCandidate[] Customers() =>
    [
        new("c1", ["上海某某有限公司"]),
        new("c2", ["北京另一个有限公司"]),
        new("c3", ["Acme Industrial GmbH", "ACME Industrial Co., Ltd."]),
        new("c4", ["Bosch GmbH"]),
    ];
}
