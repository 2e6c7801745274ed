using Mcs.Orchestrator.Graph;
using Mcs.Orchestrator.Graph.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Mcs.Tests.Service.Graph;

/// <summary>graph-engine.md §5 tests 20 (runtime part), 22 and 23: list/get/prune, versions, state size.</summary>
public sealed class StoreConformanceTests
{
    [Fact]
    public async Task Runs_list_newest_first_in_pages_and_filter_by_status_and_outcome()
    {
        await using var harness = await EngineHarness.CreateAsync("engine_list");
        harness.Graphs.Add(new TestGraphs().Review());
        var replica = harness.Replica("a");
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await replica.Engine.StartRunAsync("review-test", $"mail-{i}", new FlowState { NeedsReview = i % 2 == 0 }, null, CancellationToken.None)).RunId);
            harness.Clock.Advance(TimeSpan.FromSeconds(1));
        }
        await replica.DrainAsync();

        var pages = new List<RunPage>();
        string? cursor = null;
        do
        {
            pages.Add(await replica.Engine.ListRunsAsync(new RunQuery { Limit = 2, Cursor = cursor }, CancellationToken.None));
            cursor = pages[^1].NextCursor;
        }
        while (cursor is not null);
        var waiting = await replica.Engine.ListRunsAsync(new RunQuery { Statuses = RunStatusMapping.ToFilter(Mcs.Contracts.Runs.RunStatus.WaitingReview).Lifecycles }, CancellationToken.None);
        var succeeded = await replica.Engine.ListRunsAsync(new RunQuery { Statuses = [RunLifecycle.Succeeded], Outcome = "succeeded" }, CancellationToken.None);

        Assert.Equal([2, 2, 1], pages.Select(p => p.Items.Count));
        Assert.Equal(ids.AsEnumerable().Reverse(), pages.SelectMany(p => p.Items).Select(r => r.RunId));
        Assert.Equal([ids[4], ids[2], ids[0]], waiting.Items.Select(r => r.RunId));
        Assert.Equal([ids[3], ids[1]], succeeded.Items.Select(r => r.RunId));
    }

    [Fact]
    public async Task Pruning_keeps_first_and_last_checkpoints_of_old_finished_runs_and_never_touches_running_or_interrupted_runs()
    {
        await using var harness = await EngineHarness.CreateAsync("engine_prune");
        var graphs = new TestGraphs();
        harness.Graphs.Add(graphs.Order());
        harness.Graphs.Add(graphs.Review());
        var replica = harness.Replica("a");
        var finished = (await replica.Engine.StartRunAsync("order-test", "old", new FlowState(), null, CancellationToken.None)).RunId;
        var paused = (await replica.Engine.StartRunAsync("review-test", "paused", new FlowState { NeedsReview = true }, null, CancellationToken.None)).RunId;
        await replica.DrainAsync();
        var pending = (await replica.Engine.StartRunAsync("order-test", "pending", new FlowState(), null, CancellationToken.None)).RunId;
        var store = replica.Services.GetRequiredService<GraphStore>();
        harness.Clock.Advance(TimeSpan.FromDays(31));

        var pruned = await store.PruneCheckpointsAsync(harness.Clock.GetUtcNow() - TimeSpan.FromDays(30), CancellationToken.None);

        Assert.Equal(2, pruned);
        Assert.Equal([0, 3], (await replica.Engine.ListCheckpointsAsync(finished, CancellationToken.None)).Select(c => c.Step));
        Assert.Equal([0, 1, 2], (await replica.Engine.ListCheckpointsAsync(paused, CancellationToken.None)).Select(c => c.Step));
        Assert.Equal([0], (await replica.Engine.ListCheckpointsAsync(pending, CancellationToken.None)).Select(c => c.Step));
        Assert.Equal(3, (await replica.Engine.GetAuditAsync(finished, CancellationToken.None)).Count(a => a.Kind == "node_completed"));
        Assert.Equal(0, await store.PruneCheckpointsAsync(harness.Clock.GetUtcNow() - TimeSpan.FromDays(30), CancellationToken.None));
    }

    [Fact]
    public async Task A_checkpoint_newer_than_the_code_blocks_the_run_instead_of_running_it()
    {
        await using var harness = await EngineHarness.CreateAsync("engine_newer");
        var graphs = new TestGraphs();
        harness.Graphs.Add(graphs.Order());
        var replica = harness.Replica("a");
        var start = await replica.Engine.StartRunAsync("order-test", "mail-newer", new FlowState(), null, CancellationToken.None);
        await harness.ExecuteAsync("update graph_checkpoint set state_schema_version = 2");

        await replica.DrainAsync();

        var run = await replica.Engine.GetRunAsync(start.RunId, CancellationToken.None);
        Assert.Equal((RunLifecycle.Blocked, "state_schema_too_new"), (run!.Status, run.ErrorCode));
        Assert.Equal(0, graphs.CallsOf("prepare"));
    }

    [Fact]
    public async Task The_startup_check_lists_runs_waiting_at_a_node_the_graph_no_longer_has()
    {
        await using var harness = await EngineHarness.CreateAsync("engine_missing");
        var graphs = new TestGraphs();
        harness.Graphs.Add(graphs.Order());
        var start = await harness.Replica("old-code").Engine.StartRunAsync("order-test", "mail-missing", new FlowState(), null, CancellationToken.None);
        harness.Graphs.Clear();
        harness.Graphs.Add(new GraphBuilder<FlowState>("order-test", 2).Node("renamed", (s, c, t) => NodeResult.ContinueTask(s))
            .Start("renamed").Edge("renamed", GraphNames.End).Build());
        var newCode = harness.Replica("new-code");

        var stranded = await newCode.Services.GetRequiredService<GraphNodesCheck>().FindStrandedRunsAsync(CancellationToken.None);
        await newCode.DrainAsync();

        Assert.Equal($"order-test/prepare: {start.RunId}", Assert.Single(stranded));
        Assert.Equal((RunLifecycle.Blocked, "unknown_node"), ((await newCode.Engine.GetRunAsync(start.RunId, CancellationToken.None))!.Status,
            (await newCode.Engine.GetRunAsync(start.RunId, CancellationToken.None))!.ErrorCode));
    }

    [Fact]
    public async Task A_large_state_warns_and_an_oversized_state_fails_the_node_before_the_commit()
    {
        await using var harness = await EngineHarness.CreateAsync("engine_size");
        harness.Graphs.Add(new GraphBuilder<FlowState>("sized", 1)
            .Node("grow", (s, c, t) => NodeResult.ContinueTask(s with { Padding = new string('x', 300 * 1024) }))
            .Node("explode", (s, c, t) => NodeResult.ContinueTask(s with { Padding = new string('y', 3 * 1024 * 1024) }))
            .Start("grow").Edge("grow", "explode").Edge("explode", GraphNames.End)
            .Build());
        var replica = harness.Replica("a");
        var start = await replica.Engine.StartRunAsync("sized", "mail-size", new FlowState(), null, CancellationToken.None);

        await replica.DrainAsync();

        var run = await replica.Engine.GetRunAsync(start.RunId, CancellationToken.None);
        Assert.Equal((RunLifecycle.Failed, "state_too_large", 1), (run!.Status, run.ErrorCode, run.Step));
        Assert.Equal([0, 1], (await replica.Engine.ListCheckpointsAsync(start.RunId, CancellationToken.None)).Select(c => c.Step));
        var warning = (await replica.Engine.GetAuditAsync(start.RunId, CancellationToken.None)).Single(a => a.Kind == "state_size_warning");
        Assert.Equal("grow", warning.Node);
    }
}
