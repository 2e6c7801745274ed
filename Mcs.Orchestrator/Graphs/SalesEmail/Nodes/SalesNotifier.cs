using System.Text.RegularExpressions;
using Mcs.Contracts.MasterData;
using Mcs.Orchestrator.Adapters.Masterdata;
using Mcs.Orchestrator.Adapters.Smtp;
using Mcs.Orchestrator.Graph;
using Mcs.Orchestrator.Graphs.SalesEmail.Policy;
using Microsoft.Extensions.Options;

namespace Mcs.Orchestrator.Graphs.SalesEmail.Nodes;

/// <summary>
/// Sends the salesperson's mail as an effect keyed by lineage + node, so a retry, takeover or replay never sends it
/// twice. When no salesperson is known the review inbox (<c>SalesEmail:ReviewInbox</c>) is told instead. A failed
/// send is recorded, never thrown: a notification never fails the order.
/// </summary>
public sealed partial class SalesNotifier(INotificationSender sender, IMasterdataReader reader, IOptions<SalesEmailPolicyOptions> options,
    IOptions<SalesEmailNotificationOptions> recipients)
{
    public async Task<NotificationRecord> NotifyAsync(SalesEmailState state, NotificationKind kind, NodeContext context, IReadOnlyList<string> reasons,
        string? errorCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(context);
        var kindName = KindName(kind);
        var customer = await FindCustomerAsync(state, cancellationToken);
        var salesperson = customer is { SalesOwnerEmail: { } owner } && !string.IsNullOrWhiteSpace(owner) ? owner : null;
        var notification = new SalesNotification
        {
            Kind = kind,
            Language = HanRegex().IsMatch(customer?.Name ?? state.Email.Subject) ? NotificationLanguage.Zh : NotificationLanguage.En,
            To = salesperson ?? recipients.Value.ReviewInbox,
            RunId = context.RunId.ToString(),
            EmailSubject = state.Email.Subject,
            CustomerName = customer?.Name,
            ContractNo = state.OrderPayload?.ContractNo ?? state.Contract?.ContractNo,
            OrderNo = state.ErpOrder?.OrderNo,
            TotalAmount = state.OrderPayload?.TotalAmount ?? state.Contract?.TotalAmount,
            Currency = state.OrderPayload?.Currency ?? state.Contract?.Currency,
            Reasons = reasons,
            ErrorCode = errorCode,
            Link = options.Value.RunLinkBase is { } link ? new Uri(link, context.RunId.ToString()) : null,
            IdempotencyKey = context.EffectKey("notify_" + kindName),
        };
        var result = await context.EffectAsync("notify_" + kindName, (_, ct) => sender.SendAsync(notification, ct), lookupByKey: null,
            cancellationToken, new EffectOptions(OutcomeUnknownOn: static _ => false));
        return new NotificationRecord(kindName, result.Sent, result.Error);
    }

    /// <summary>The run's customer, or null when unresolved or when master data cannot be read (then the inbox is told).</summary>
    private async Task<Customer?> FindCustomerAsync(SalesEmailState state, CancellationToken cancellationToken)
    {
        if (state.Customer?.CustomerId is not { } customerId)
        {
            return null;
        }
        try
        {
            var read = await reader.GetSnapshotAsync(cancellationToken);
            return read.Snapshot.Customers.FirstOrDefault(c => c.CustomerId == customerId);
        }
        catch (MasterdataUnavailableException)
        {
            return null;
        }
    }

    private static string KindName(NotificationKind kind) => kind switch
    {
        NotificationKind.OrderCreated => "order_created",
        NotificationKind.ReviewNeeded => "review_needed",
        _ => "failed",
    };

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex HanRegex();
}
