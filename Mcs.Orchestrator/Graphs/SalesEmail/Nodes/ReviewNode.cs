using System.Text.Json;
using Mcs.Contracts;
using Mcs.Orchestrator.Adapters.Smtp;
using Mcs.Orchestrator.Graph;

namespace Mcs.Orchestrator.Graphs.SalesEmail.Nodes;

/// <summary>
/// Pauses the run for a person (<c>waiting_review</c>) with the list of reasons, after telling the salesperson that
/// review is needed. The pause survives restarts; <c>apply_review</c> continues with the decision.
/// </summary>
public sealed class ReviewNode(SalesNotifier notifier) : INode<SalesEmailState>
{
    public const string InterruptKind = "order_review";

    public string Name => SalesEmailNodeNames.Review;

    public async Task<NodeResult<SalesEmailState>> ExecuteAsync(SalesEmailState state, NodeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(context);
        var notification = await notifier.NotifyAsync(state, NotificationKind.ReviewNeeded, context, state.ReviewReasons, null, cancellationToken);
        var paused = state with { ReviewRequestedAt = context.Clock.GetUtcNow(), Notification = notification };
        if (!notification.Sent)
        {
            paused = paused.AddWarning("notification_not_sent:" + notification.Error);
        }
        var payload = JsonSerializer.SerializeToElement(new ReviewPrompt(state.ReviewReasons, state.OrderPayload), McsJson.Options);
        return NodeResult.Interrupt(paused, InterruptKind, payload);
    }
}
