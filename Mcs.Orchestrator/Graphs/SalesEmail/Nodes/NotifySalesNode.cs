using Mcs.Contracts.Runs;
using Mcs.Orchestrator.Adapters.Smtp;
using Mcs.Orchestrator.Graph;

namespace Mcs.Orchestrator.Graphs.SalesEmail.Nodes;

/// <summary>
/// Tells the salesperson the order was created, or — when reached through a node's failure — that the run failed
/// (the failure is recorded in the state's errors and the run ends <c>failed</c>). A failed send is a warning only.
/// </summary>
public sealed class NotifySalesNode(SalesNotifier notifier) : INode<SalesEmailState>
{
    public string Name => SalesEmailNodeNames.NotifySales;

    public async Task<NodeResult<SalesEmailState>> ExecuteAsync(SalesEmailState state, NodeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(context);
        var next = state;
        if (context.PreviousFailure is { } failure)
        {
            next = state with
            {
                Outcome = SalesEmailOutcomes.Failed,
                Errors = [.. state.Errors, new RunError { Code = failure.Code, Message = failure.Message, Node = failure.Node, Retryable = failure.Retryable }],
            };
        }
        var failed = next.Outcome == SalesEmailOutcomes.Failed;
        var notification = await notifier.NotifyAsync(next, failed ? NotificationKind.Failed : NotificationKind.OrderCreated, context,
            failed ? next.Errors.Select(e => e.Message).ToArray() : [], next.Errors.LastOrDefault()?.Code, cancellationToken);
        next = next with { Notification = notification };
        return NodeResult.Continue(notification.Sent ? next : next.AddWarning("notification_not_sent:" + notification.Error));
    }
}
