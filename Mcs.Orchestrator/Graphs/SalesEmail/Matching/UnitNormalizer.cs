using System.Text;
using Mcs.Orchestrator.Graphs.SalesEmail.Policy;

namespace Mcs.Orchestrator.Graphs.SalesEmail.Matching;

/// <summary>Maps a unit as written (个, 件, pcs, PC) to its canonical key from <see cref="SalesEmailPolicyOptions.UnitSynonyms"/>.</summary>
public sealed class UnitNormalizer
{
    private readonly Dictionary<string, string> _canonical = new(StringComparer.Ordinal);

    public UnitNormalizer(IReadOnlyDictionary<string, List<string>> synonyms)
    {
        ArgumentNullException.ThrowIfNull(synonyms);
        foreach (var (key, spellings) in synonyms)
        {
            var canonical = Clean(key);
            _canonical[canonical] = canonical;
            foreach (var spelling in spellings)
            {
                _canonical[Clean(spelling)] = canonical;
            }
        }
    }

    public string Normalize(string? unit)
    {
        var cleaned = Clean(unit);
        return _canonical.TryGetValue(cleaned, out var canonical) ? canonical : cleaned;
    }

    public bool AreSame(string? left, string? right) => Normalize(left) == Normalize(right);

    private static string Clean(string? unit) =>
        string.IsNullOrWhiteSpace(unit) ? "" : unit.Normalize(NormalizationForm.FormKC).Trim().TrimEnd('.').ToUpperInvariant();
}
