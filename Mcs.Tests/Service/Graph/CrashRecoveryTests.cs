using Mcs.Orchestrator.Graph;
using Mcs.Orchestrator.Graph.Runtime;

namespace Mcs.Tests.Service.Graph;

/// <summary>graph-engine.md §5 tests 1–5 and 7: the process dies at a point; a restarted replica finishes the run.</summary>
public sealed class CrashRecoveryTests
{
    private static async Task<(EngineHarness Harness, TestGraphs Graphs, Guid RunId)> CrashAsync(string point, string node, TestGraphs graphs)
    {
        var harness = await EngineHarness.CreateAsync("engine_crash");
        harness.Graphs.Add(graphs.Order());
        var dying = harness.Replica("dying", crashes: new CrashAt(point, node));
        var start = await dying.Engine.StartRunAsync("order-test", "mail-crash", new FlowState(), null, CancellationToken.None);
        await Assert.ThrowsAsync<InjectedCrashException>(() => dying.Runner.RunAvailableAsync(1, CancellationToken.None));
        // The dead replica's lease must run out before anyone else may continue.
        Assert.Equal(0, await harness.Replica("too-early").Runner.RunAvailableAsync(1, CancellationToken.None));
        harness.Clock.Advance(TimeSpan.FromSeconds(31));
        await harness.Replica("restarted").DrainAsync();
        return (harness, graphs, start.RunId);
    }

    [Fact]
    public async Task Crash_after_the_erp_answered_but_before_the_commit_reconciles_by_key_without_a_second_order()
    {
        var (harness, graphs, runId) = await CrashAsync("after_effect_call", "create_order", new TestGraphs());
        await using var _ = harness;

        Assert.Equal(RunLifecycle.Succeeded, (await harness.Replica("r").Engine.GetRunAsync(runId, CancellationToken.None))!.Status);
        Assert.Equal(1, graphs.Erp.Creates);
        Assert.Equal("succeeded", await harness.ScalarAsync<string>("select status from side_effect"));
        var completed = (await harness.Replica("r").Engine.GetAuditAsync(runId, CancellationToken.None)).Single(a => a is { Node: "create_order", Kind: "node_completed" });
        Assert.Equal(2, completed.Attempt);
        Assert.True(completed.Data!.Value.GetProperty("reconciled").GetBoolean());
        Assert.Equal(1L, await harness.ScalarAsync<long>("select count(*) from graph_audit where kind = 'lease_taken_over'"));
    }

    [Fact]
    public async Task Crash_after_the_call_with_an_erp_that_ignores_the_key_is_settled_by_lookup()
    {
        var (harness, graphs, _) = await CrashAsync("after_effect_call", "create_order", new TestGraphs { Erp = new FakeErp { HonorsIdempotencyKey = false } });
        await using var _1 = harness;

        Assert.Equal(1, graphs.Erp.Creates);
        Assert.Equal(2, graphs.CallsOf("create_order"));
    }

    [Fact]
    public async Task Crash_after_the_started_row_but_before_the_call_creates_exactly_one_order()
    {
        var (harness, graphs, runId) = await CrashAsync("before_effect_call", "create_order", new TestGraphs());
        await using var _ = harness;

        Assert.Equal(1, graphs.Erp.Creates);
        Assert.Equal(RunLifecycle.Succeeded, (await harness.Replica("r").Engine.GetRunAsync(runId, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task An_erp_timeout_with_the_order_created_is_found_by_lookup_and_not_sent_again()
    {
        await using var harness = await EngineHarness.CreateAsync("engine_timeout");
        var graphs = new TestGraphs();
        graphs.Erp.TimeOutAfterCreate(1);
        harness.Graphs.Add(graphs.Order());
        var replica = harness.Replica("a");
        var start = await replica.Engine.StartRunAsync("order-test", "mail-timeout", new FlowState(), null, CancellationToken.None);

        await replica.DrainAsync();

        Assert.Equal(1, graphs.Erp.Creates);
        Assert.Equal(1, graphs.CallsOf("create_order"));
        Assert.Equal(RunLifecycle.Succeeded, (await replica.Engine.GetRunAsync(start.RunId, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task An_erp_timeout_without_a_lookup_pauses_the_run_for_reconciliation_instead_of_resending()
    {
        await using var harness = await EngineHarness.CreateAsync("engine_unknown");
        var graphs = new TestGraphs { ErpLookup = false };
        graphs.Erp.TimeOutAfterCreate(1);
        harness.Graphs.Add(graphs.Order());
        var replica = harness.Replica("a");
        var start = await replica.Engine.StartRunAsync("order-test", "mail-unknown", new FlowState(), null, CancellationToken.None);

        await replica.DrainAsync();
        harness.Clock.Advance(TimeSpan.FromMinutes(5));
        await harness.Replica("b").DrainAsync();

        var run = await replica.Engine.GetRunAsync(start.RunId, CancellationToken.None);
        Assert.Equal((RunLifecycle.Interrupted, "create_order"), (run!.Status, run.NextNode));
        var interrupt = Assert.Single(await replica.Engine.ListOpenInterruptsAsync(null, 10, CancellationToken.None));
        Assert.Equal("erp_reconcile", interrupt.Kind);
        Assert.Equal(1, graphs.Erp.Creates);
        Assert.Equal("unknown", await harness.ScalarAsync<string>("select status from side_effect"));
    }

    [Fact]
    public async Task Crash_after_a_commit_runs_the_next_node_once_and_never_the_committed_one_again()
    {
        var (harness, graphs, runId) = await CrashAsync("after_commit", "create_order", new TestGraphs());
        await using var _ = harness;

        Assert.Equal(1, graphs.CallsOf("prepare"));
        Assert.Equal(1, graphs.CallsOf("create_order"));
        Assert.Equal(1, graphs.CallsOf("notify"));
        Assert.Equal(RunLifecycle.Succeeded, (await harness.Replica("r").Engine.GetRunAsync(runId, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task A_run_accepted_by_a_process_that_died_at_once_is_at_step_zero_and_finishes_after_restart()
    {
        await using var harness = await EngineHarness.CreateAsync("engine_accepted");
        var graphs = new TestGraphs();
        harness.Graphs.Add(graphs.Order());
        var start = await harness.Replica("accepting").Engine.StartRunAsync("order-test", "mail-accepted", new FlowState(), null, CancellationToken.None);
        // No runner of the accepting replica ever ran: it "died". Another replica finds the run.
        var run = await harness.Replica("x").Engine.GetRunAsync(start.RunId, CancellationToken.None);
        Assert.Equal((RunLifecycle.Pending, 0), (run!.Status, run.Step));

        await harness.Replica("restarted").DrainAsync();

        Assert.Equal(RunLifecycle.Succeeded, (await harness.Replica("y").Engine.GetRunAsync(start.RunId, CancellationToken.None))!.Status);
        Assert.Equal(1, graphs.Erp.Creates);
    }
}
