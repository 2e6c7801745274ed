using System.Diagnostics;
using Mcs.Contracts.Orders;
using Mcs.Orchestrator.Adapters.Erp;
using Mcs.Orchestrator.Graph;

namespace Mcs.Orchestrator.Graphs.SalesEmail.Nodes;

/// <summary>
/// Creates the ERP order with the lineage's effect key as both <c>Idempotency-Key</c> and <c>external_ref</c>, so a
/// retry, a takeover after a crash, or a replay finds the first order instead of creating a second. 422 is final;
/// 5xx/timeouts are retried under the node's policy with the same key.
/// </summary>
public sealed class CallErpGatewayNode(IErpGateway erp, SalesEmailMetrics metrics) : INode<SalesEmailState>
{
    public const string Effect = "create_order";

    public string Name => SalesEmailNodeNames.CallErpGateway;

    public async Task<NodeResult<SalesEmailState>> ExecuteAsync(SalesEmailState state, NodeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(context);
        var key = context.EffectKey(Effect);
        var payload = (state.OrderPayload ?? throw new NodeFailedException("payload_missing", "No order payload to send.", retryable: false))
            with { ExternalRef = key };
        var order = await context.EffectAsync(Effect, async (idempotencyKey, ct) =>
        {
            var started = Stopwatch.GetTimestamp();
            var result = await erp.CreateSalesOrderAsync(payload, idempotencyKey, mayHaveBeenSentBefore: context.Attempt > 1, ct);
            metrics.ErpLatency(Stopwatch.GetElapsedTime(started), result.Succeeded);
            return result.Succeeded ? result.Order : throw new NodeFailedException(result.Failure.Code, result.Failure.Message, result.Failure.Retryable);
        }, LookupAsync, cancellationToken, new EffectOptions(ReconcileKind: "erp_reconcile", OutcomeUnknownOn: static _ => false));
        return NodeResult.Continue(state with { OrderPayload = payload, ErpOrder = order, Outcome = SalesEmailOutcomes.Succeeded });
    }

    private async Task<ErpOrderResult?> LookupAsync(string key, CancellationToken cancellationToken)
    {
        var found = await erp.FindByExternalRefAsync(key, cancellationToken);
        if (found.Failure is { } failure)
        {
            throw new NodeFailedException(failure.Code, failure.Message, failure.Retryable);
        }
        return found.Order is { } order ? new ErpOrderResult { OrderId = order.OrderId, OrderNo = order.OrderNo, Outcome = ErpOrderOutcome.AlreadyExisted } : null;
    }
}
