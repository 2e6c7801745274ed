using System.Collections.Concurrent;
using System.Text.Json;
using Mcs.Orchestrator.Graph;

namespace Mcs.Tests.Service.Graph;

/// <summary>Small graphs over <see cref="FlowState"/> with per-node call counters.</summary>
internal sealed class TestGraphs
{
    public ConcurrentDictionary<string, int> Calls { get; } = new();

    public FakeErp Erp { get; init; } = new();

    /// <summary>When false, the create_order node's effect has no lookup (the ERP cannot be asked by reference).</summary>
    public bool ErpLookup { get; init; } = true;

    public int CallsOf(string node) => Calls.GetValueOrDefault(node);

    /// <summary>prepare → create_order (ERP effect) → notify → END.</summary>
    public CompiledGraph<FlowState> Order(string name = "order-test") =>
        new GraphBuilder<FlowState>(name, flowVersion: 1, "test order flow")
            .Node("prepare", (s, ctx, ct) => Visit(s, ctx))
            .Node("create_order", CreateOrderAsync)
            .Node("notify", (s, ctx, ct) => Visit(s, ctx))
            .Start("prepare").Edge("prepare", "create_order").Edge("create_order", "notify").Edge("notify", GraphNames.End)
            .Outcome(s => s.OrderNumber is null ? "ignored" : "succeeded")
            .Build();

    /// <summary>check → (needs review) review (interrupt) → apply_review → finish, or check → finish.</summary>
    public CompiledGraph<FlowState> Review(string name = "review-test") =>
        new GraphBuilder<FlowState>(name, flowVersion: 1)
            .Node("check", (s, ctx, ct) => Visit(s, ctx))
            .Node("review", (s, ctx, ct) =>
            {
                Calls.AddOrUpdate("review", 1, (_, n) => n + 1);
                return Task.FromResult(NodeResult.Interrupt(s.Visit("review"), "order_review",
                    JsonSerializer.SerializeToElement(new { reasons = new[] { "price_mismatch" } })));
            })
            .Node("apply_review", (s, ctx, ct) =>
            {
                Calls.AddOrUpdate("apply_review", 1, (_, n) => n + 1);
                var decision = ctx.ResumeDecision?.GetProperty("decision").GetString();
                return NodeResult.ContinueTask(s.Visit("apply_review") with { Decision = decision });
            })
            .Node("finish", (s, ctx, ct) => Visit(s, ctx))
            .Start("check")
            .Route("check", s => s.NeedsReview ? "review" : "finish", "review", "finish")
            .Edge("review", "apply_review").Edge("apply_review", "finish").Edge("finish", GraphNames.End)
            .Outcome(s => s.Decision == "reject" ? "rejected" : "succeeded")
            .Build();

    public Task<NodeResult<FlowState>> Visit(FlowState state, NodeContext context)
    {
        Calls.AddOrUpdate(context.Node, 1, (_, n) => n + 1);
        return NodeResult.ContinueTask(state.Visit(context.Node));
    }

    private async Task<NodeResult<FlowState>> CreateOrderAsync(FlowState state, NodeContext context, CancellationToken cancellationToken)
    {
        Calls.AddOrUpdate(context.Node, 1, (_, n) => n + 1);
        var order = await context.EffectAsync("create_order", Erp.CreateOrderAsync,
            ErpLookup ? Erp.FindByReferenceAsync : null, cancellationToken, new EffectOptions(ReconcileKind: "erp_reconcile"));
        return NodeResult.Continue(state.Visit(context.Node) with { OrderNumber = order.Number });
    }
}
