using System.Globalization;
using System.Text;

namespace Mcs.Orchestrator.Adapters.Similarity;

/// <summary>
/// Reduces a company name to the part that tells companies apart: full-width → half-width (NFKC), lower case, no
/// punctuation, and without legal-form and place words. "上海某某有限公司" and "某某(上海)有限公司" both become "某某";
/// "Acme GmbH" becomes "acme". A name that is nothing but a legal form becomes "".
/// </summary>
public static class CompanyNameNormalizer
{
    // Longest first, so "股份有限公司" goes before "有限公司" leaves "股份" behind.
    private static readonly string[] ChineseLegalForms =
    [
        "股份有限公司", "有限责任公司", "有限公司", "集团公司", "分公司", "总公司", "公司", "集团", "股份", "有限",
    ];

    // Provinces, municipalities and the cities contracts mostly name; a place says where, not who.
    private static readonly string[] ChinesePlaces =
    [
        "中华人民共和国", "内蒙古自治区", "广西壮族自治区", "西藏自治区", "宁夏回族自治区", "新疆维吾尔自治区",
        "香港特别行政区", "澳门特别行政区",
        "北京市", "上海市", "天津市", "重庆市", "深圳市", "广州市", "苏州市", "杭州市", "南京市", "宁波市", "无锡市",
        "武汉市", "成都市", "西安市", "青岛市", "厦门市", "东莞市", "佛山市", "合肥市", "长沙市", "郑州市", "济南市",
        "北京", "上海", "天津", "重庆", "深圳", "广州", "苏州", "杭州", "南京", "宁波", "无锡", "武汉", "成都", "西安",
        "青岛", "厦门", "东莞", "佛山", "合肥", "长沙", "郑州", "济南", "香港", "澳门", "台湾", "中国",
        "河北省", "山西省", "辽宁省", "吉林省", "黑龙江省", "江苏省", "浙江省", "安徽省", "福建省", "江西省", "山东省",
        "河南省", "湖北省", "湖南省", "广东省", "海南省", "四川省", "贵州省", "云南省", "陕西省", "甘肃省", "青海省",
        "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南", "湖北",
        "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海",
    ];

    private static readonly HashSet<string> LatinLegalForms = new(StringComparer.Ordinal)
    {
        "co", "company", "corp", "corporation", "inc", "incorporated", "ltd", "limited", "llc", "llp", "plc", "gmbh",
        "mbh", "ag", "kg", "kgaa", "ohg", "ug", "se", "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "ab", "as", "oy",
        "kk", "pte", "pty", "pvt", "group", "holding", "holdings", "the", "and", "&",
    };

    private static readonly HashSet<string> LatinPlaces = new(StringComparer.Ordinal)
    {
        "china", "prc", "shanghai", "beijing", "shenzhen", "guangzhou", "suzhou", "hangzhou", "hong", "kong",
        "hongkong", "germany", "deutschland", "usa", "us", "uk", "europe", "asia", "international", "intl",
    };

    public static string Normalize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "";
        }
        var text = name.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        foreach (var form in ChineseLegalForms)
        {
            text = text.Replace(form, " ", StringComparison.Ordinal);
        }
        foreach (var place in ChinesePlaces)
        {
            text = text.Replace(place, " ", StringComparison.Ordinal);
        }
        var tokens = Tokenize(text).Where(token => !LatinLegalForms.Contains(token) && !LatinPlaces.Contains(token));
        return string.Join(' ', tokens);
    }

    /// <summary>Splits on anything that is not a letter or digit; a run of CJK characters stays one token.</summary>
    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune) || Rune.GetUnicodeCategory(rune) == UnicodeCategory.NonSpacingMark)
            {
                current.Append(rune.ToString());
                continue;
            }
            Flush(tokens, current);
        }
        Flush(tokens, current);
        return tokens;
    }

    private static void Flush(List<string> tokens, StringBuilder current)
    {
        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
            current.Clear();
        }
    }
}
