using Mcs.Contracts.MasterData;
using Mcs.Contracts.Results;
using Mcs.Orchestrator.Adapters.Masterdata;
using Mcs.Orchestrator.Adapters.Similarity;
using Mcs.Orchestrator.Graph;
using Mcs.Orchestrator.Graphs.SalesEmail.Policy;
using Microsoft.Extensions.Options;

namespace Mcs.Orchestrator.Graphs.SalesEmail.Nodes;

/// <summary>
/// After extraction: when the customer is still unresolved, the contract's buyer name is matched fuzzily against
/// customer names and aliases after normalisation (legal-form and place words removed); it counts only with a score
/// ≥ the configured minimum and a margin ≥ the configured minimum over the runner-up. The seller resolves to one of
/// our companies the same way.
/// </summary>
public sealed class ResolveCustomerFromContractNode(IMasterdataReader reader, ICustomerNameMatcher matcher, IOptions<SalesEmailPolicyOptions> options)
    : INode<SalesEmailState>
{
    public string Name => SalesEmailNodeNames.ResolveCustomerFromContract;

    public async Task<NodeResult<SalesEmailState>> ExecuteAsync(SalesEmailState state, NodeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var snapshot = (await MasterdataAccess.ReadAsync(reader, cancellationToken)).Snapshot;
        var contract = state.Contract ?? throw new NodeFailedException("contract_missing", "No contract was extracted.", retryable: false);
        var customer = state.Customer;
        if (customer is not { Matched: true })
        {
            customer = MatchBuyer(contract.BuyerName, snapshot.Customers, customer);
        }
        var company = MatchSeller(contract.SellerName, snapshot.Companies);
        return NodeResult.Continue(state with { Customer = customer, Company = company });
    }

    private CustomerMatchResult MatchBuyer(string buyerName, IReadOnlyList<Customer> customers, CustomerMatchResult? before)
    {
        var result = matcher.Match(buyerName, customers.Select(NameCandidate.FromCustomer));
        var (best, margin) = Decide(result);
        var candidates = result.Candidates.Select(c => new CustomerCandidate(c.Id, c.Score)).ToArray();
        var reasons = new List<string>(before?.Reasons ?? []);
        if (best is not null)
        {
            reasons.Add("buyer_name");
            return new CustomerMatchResult
            {
                Matched = true, CustomerId = best.Id, Method = CustomerMatchMethod.BuyerName, Score = best.Score, Margin = margin,
                Candidates = candidates, Reasons = reasons,
            };
        }
        reasons.Add(result.Candidates.Count == 0 ? "buyer_name_no_candidate" : "buyer_name_not_decisive");
        return new CustomerMatchResult
        {
            Matched = false, Method = CustomerMatchMethod.None, Score = result.Candidates.FirstOrDefault()?.Score, Margin = margin,
            Candidates = candidates, Reasons = reasons,
        };
    }

    private Company? MatchSeller(string sellerName, IReadOnlyList<Company> companies)
    {
        var (best, _) = Decide(matcher.Match(sellerName, companies.Select(NameCandidate.FromCompany)));
        return best is null ? null : companies.First(c => c.CompanyId == best.Id);
    }

    // The matcher ranks; the policy decides, with the thresholds of SalesEmail:Policy (the only place they live).
    private (RankedCandidate? Best, int? Margin) Decide(NameMatchResult result)
    {
        if (result.Candidates.Count == 0)
        {
            return (null, null);
        }
        var policy = options.Value;
        var decisive = result.Score >= policy.FuzzyMinScore && result.Margin >= policy.FuzzyMinMargin;
        return (decisive ? result.Candidates[0] : null, result.Margin);
    }
}
