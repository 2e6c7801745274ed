using Mcs.Contracts.Results;
using Mcs.Orchestrator.Adapters.Masterdata;
using Mcs.Orchestrator.Graph;
using Mcs.Orchestrator.Graphs.SalesEmail.Matching;
using Mcs.Orchestrator.Graphs.SalesEmail.Policy;
using Microsoft.Extensions.Options;

namespace Mcs.Orchestrator.Graphs.SalesEmail.Nodes;

/// <summary>
/// Before extraction: the contact's customer, else the one customer that lists the sender's domain (webmail domains
/// never count). A display name or signature never resolves a customer. Unresolved → candidates for Dify's hint.
/// </summary>
public sealed class MatchCustomerNode(IMasterdataReader reader, IOptions<SalesEmailPolicyOptions> options) : INode<SalesEmailState>
{
    public string Name => SalesEmailNodeNames.MatchCustomer;

    public async Task<NodeResult<SalesEmailState>> ExecuteAsync(SalesEmailState state, NodeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var snapshot = (await MasterdataAccess.ReadAsync(reader, cancellationToken)).Snapshot;
        if (state.Contact is { Matched: true, CustomerId: { } contactCustomer } && snapshot.Customers.Any(c => c.CustomerId == contactCustomer))
        {
            return Resolved(state, new CustomerMatchResult
            {
                Matched = true, CustomerId = contactCustomer, Method = CustomerMatchMethod.Contact, Score = 100, Reasons = ["contact_email"],
            });
        }
        var domain = MailDomains.DomainOf(state.EffectiveSender);
        if (domain.Length == 0 || state.IsInternalSender && state.Email.ForwardedFrom is null)
        {
            return Resolved(state, Unmatched("no_external_sender", []));
        }
        if (MailDomains.Contains(options.Value.WebmailDomains, domain))
        {
            return Resolved(state, Unmatched("webmail_domain", []));
        }
        var owners = snapshot.Customers.Where(c => MailDomains.Contains(c.EmailDomains, domain)).ToList();
        if (owners.Count == 1)
        {
            return Resolved(state, new CustomerMatchResult
            {
                Matched = true, CustomerId = owners[0].CustomerId, Method = CustomerMatchMethod.Domain, Score = 100, Reasons = ["sender_domain"],
            });
        }
        return Resolved(state, Unmatched(
            owners.Count == 0 ? "domain_unknown" : "domain_shared_by_several_customers",
            owners.Select(o => new CustomerCandidate(o.CustomerId, 0)).ToArray()));
    }

    private static CustomerMatchResult Unmatched(string reason, IReadOnlyList<CustomerCandidate> candidates) =>
        new() { Matched = false, Method = CustomerMatchMethod.None, Candidates = candidates, Reasons = [reason] };

    private static NodeResult<SalesEmailState> Resolved(SalesEmailState state, CustomerMatchResult result) =>
        NodeResult.Continue(state with { Customer = result });
}
