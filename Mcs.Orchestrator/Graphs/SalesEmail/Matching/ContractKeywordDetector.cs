using System.Text;
using System.Text.RegularExpressions;
using Mcs.Orchestrator.Graphs.SalesEmail.Policy;
using Microsoft.Extensions.Options;

namespace Mcs.Orchestrator.Graphs.SalesEmail.Matching;

/// <summary>Finds contract/order words (Chinese and English, from configuration) in a text.</summary>
public sealed class ContractKeywordDetector(IOptions<SalesEmailPolicyOptions> options)
{
    private readonly SalesEmailPolicyOptions _options = options.Value;

    /// <summary>The first configured word found in <paramref name="text"/>, or null.</summary>
    public string? FindKeyword(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var normalized = text.Normalize(NormalizationForm.FormKC);
        var keyword = _options.ContractKeywords.FirstOrDefault(k => normalized.Contains(k, StringComparison.OrdinalIgnoreCase));
        if (keyword is not null)
        {
            return keyword;
        }
        // Whole words only: "PO" must not fire inside "report" or "position"; "PO#123" and "PO-123" still count.
        return _options.ContractWholeWords.FirstOrDefault(w =>
            Regex.IsMatch(normalized, $@"(?<![\p{{L}}]){Regex.Escape(w)}(?![\p{{Ll}}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
    }
}
