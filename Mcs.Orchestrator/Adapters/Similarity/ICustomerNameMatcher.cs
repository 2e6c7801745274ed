namespace Mcs.Orchestrator.Adapters.Similarity;

/// <summary>
/// Fuzzy matching of a company name (an LLM-extracted buyer or seller) against candidates' names and aliases, after
/// <see cref="CompanyNameNormalizer"/> has removed legal forms and place words, so that names sharing only
/// "有限公司" or "GmbH" score low. It ranks; whether the best candidate counts is the caller's policy.
/// </summary>
public interface ICustomerNameMatcher
{
    NameMatchResult Match(string name, IEnumerable<NameCandidate> candidates);
}
