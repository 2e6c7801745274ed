using System.Text.RegularExpressions;
using Mcs.Orchestrator.Adapters.Masterdata;
using Mcs.Orchestrator.Adapters.Smtp;
using Mcs.Orchestrator.Graph;
using Mcs.Orchestrator.Graphs.SalesEmail.Policy;
using Microsoft.Extensions.Options;

namespace Mcs.Orchestrator.Graphs.SalesEmail.Nodes;

/// <summary>
/// Sends the salesperson's mail as an effect keyed by lineage + node, so a retry, takeover or replay never sends it
/// twice. A failed send is recorded, never thrown: a notification never fails the order.
/// </summary>
public sealed partial class SalesNotifier(INotificationSender sender, IMasterdataReader reader, IOptions<SalesEmailPolicyOptions> options)
{
    public async Task<NotificationRecord> NotifyAsync(SalesEmailState state, NotificationKind kind, NodeContext context, IReadOnlyList<string> reasons,
        string? errorCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(context);
        var kindName = KindName(kind);
        MasterdataRead read;
        try
        {
            read = await reader.GetSnapshotAsync(cancellationToken);
        }
        catch (MasterdataUnavailableException)
        {
            return new NotificationRecord(kindName, false, "masterdata_unavailable");
        }
        var customer = read.Snapshot.Customers.FirstOrDefault(c => c.CustomerId == state.Customer?.CustomerId);
        if (customer is null || string.IsNullOrWhiteSpace(customer.SalesOwnerEmail))
        {
            return new NotificationRecord(kindName, false, "no_salesperson");
        }
        var notification = new SalesNotification
        {
            Kind = kind,
            Language = HanRegex().IsMatch(customer.Name) ? NotificationLanguage.Zh : NotificationLanguage.En,
            To = customer.SalesOwnerEmail,
            RunId = context.RunId.ToString(),
            EmailSubject = state.Email.Subject,
            CustomerName = customer.Name,
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

    private static string KindName(NotificationKind kind) => kind switch
    {
        NotificationKind.OrderCreated => "order_created",
        NotificationKind.ReviewNeeded => "review_needed",
        _ => "failed",
    };

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex HanRegex();
}
