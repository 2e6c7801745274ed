using Mcs.Contracts.Results;
using Mcs.Orchestrator.Adapters.Masterdata;
using Mcs.Orchestrator.Graph;
using Mcs.Orchestrator.Graphs.SalesEmail.Matching;

namespace Mcs.Orchestrator.Graphs.SalesEmail.Nodes;

/// <summary>
/// Matches the effective sender to a contact by exact address (case-insensitive). A mail from one of our own domains
/// (a Company's email_domains) is a salesperson forwarding a customer's mail: it is matched on <c>forwarded_from</c>.
/// </summary>
public sealed class MatchContactNode(IMasterdataReader reader) : INode<SalesEmailState>
{
    public string Name => SalesEmailNodeNames.MatchContact;

    public async Task<NodeResult<SalesEmailState>> ExecuteAsync(SalesEmailState state, NodeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var snapshot = (await MasterdataAccess.ReadAsync(reader, cancellationToken)).Snapshot;
        var fromDomain = MailDomains.DomainOf(state.Email.From.Address);
        var isInternal = snapshot.Companies.Any(c => MailDomains.Contains(c.EmailDomains, fromDomain));
        var reasons = new List<string>();
        string? sender = state.Email.From.Address;
        if (isInternal)
        {
            sender = state.Email.ForwardedFrom?.Address;
            reasons.Add(sender is null ? "internal_sender_without_forwarded_from" : "matched_on_forwarded_from");
        }
        var contact = sender is null
            ? null
            : snapshot.Contacts.FirstOrDefault(c => string.Equals(c.Email.Trim(), sender.Trim(), StringComparison.OrdinalIgnoreCase));
        if (contact is null)
        {
            reasons.Add("no_contact_with_this_address");
        }
        var result = new ContactMatchResult
        {
            Matched = contact is not null,
            ContactId = contact?.ContactId,
            CustomerId = contact?.CustomerId,
            Method = contact is null ? ContactMatchMethod.None : ContactMatchMethod.ExactEmail,
            Reasons = reasons,
        };
        return NodeResult.Continue(state with { Contact = result, EffectiveSender = sender, IsInternalSender = isInternal });
    }
}
