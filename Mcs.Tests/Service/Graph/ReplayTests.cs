using System.Security.Cryptography;
using System.Text;
using Mcs.Orchestrator.Graph;

namespace Mcs.Tests.Service.Graph;

/// <summary>graph-engine.md §5 tests 15–17: forks from checkpoint N in live, recorded and new-key modes.</summary>
public sealed class ReplayTests
{
    private static async Task<(EngineHarness, TestGraphs, Replica, Guid)> FinishedSourceAsync()
    {
        var harness = await EngineHarness.CreateAsync("engine_replay");
        var graphs = new TestGraphs();
        harness.Graphs.Add(graphs.Order());
        var replica = harness.Replica("a");
        var start = await replica.Engine.StartRunAsync("order-test", "mail-replay", new FlowState(), null, CancellationToken.None);
        await replica.DrainAsync();
        return (harness, graphs, replica, start.RunId);
    }

    [Fact]
    public async Task A_fork_from_step_n_runs_only_the_nodes_from_n_on_and_leaves_the_source_untouched()
    {
        var (harness, graphs, replica, source) = await FinishedSourceAsync();
        await using var _ = harness;
        var before = await SnapshotAsync(harness, source);

        var fork = await replica.Engine.ForkAsync(source, 1, new ReplayOptions(ReplayMode.Live, Operator: "olga"), CancellationToken.None);
        await replica.DrainAsync();

        var run = await replica.Engine.GetRunAsync(fork, CancellationToken.None);
        var sourceRun = await replica.Engine.GetRunAsync(source, CancellationToken.None);
        Assert.Equal((RunLifecycle.Succeeded, source, sourceRun!.LineageId, 1), (run!.Status, run.ParentRunId, run.LineageId, run.ForkedFromStep));
        Assert.Equal((1, 2, 2), (graphs.CallsOf("prepare"), graphs.CallsOf("create_order"), graphs.CallsOf("notify")));
        Assert.Equal(1, graphs.Erp.Creates);
        Assert.Equal([1, 2, 3], (await replica.Engine.ListCheckpointsAsync(fork, CancellationToken.None)).Select(c => c.Step));
        // The source keeps every row it had, plus only the 'forked' audit row.
        var after = await SnapshotAsync(harness, source);
        Assert.Equal(before.Replace("|audit:3", "|audit:4"), after);
        Assert.Equal(1L, await harness.ScalarAsync<long>("select count(*) from graph_audit where run_id = $1 and kind = 'forked'", source));
        // A root-run lookup by business key still finds the original.
        Assert.Equal(source, (await replica.Engine.FindRunByBusinessKeyAsync("order-test", "mail-replay", CancellationToken.None))!.RunId);
    }

    [Fact]
    public async Task A_recorded_replay_calls_nothing_and_ends_in_the_same_state()
    {
        var (harness, graphs, replica, source) = await FinishedSourceAsync();
        await using var _ = harness;

        var fork = await replica.Engine.ForkAsync(source, 0, new ReplayOptions(ReplayMode.Recorded), CancellationToken.None);
        await replica.DrainAsync();

        Assert.Equal(RunLifecycle.Succeeded, (await replica.Engine.GetRunAsync(fork, CancellationToken.None))!.Status);
        Assert.Equal(1, graphs.Erp.Creates);
        Assert.Equal(await FinalStateHashAsync(harness, source), await FinalStateHashAsync(harness, fork));
    }

    [Fact]
    public async Task A_live_replay_finds_the_lineage_s_order_and_only_new_effect_keys_create_a_second_one()
    {
        var (harness, graphs, replica, source) = await FinishedSourceAsync();
        await using var _ = harness;

        await replica.Engine.ForkAsync(source, 1, new ReplayOptions(ReplayMode.Live), CancellationToken.None);
        await replica.DrainAsync();
        Assert.Equal(1, graphs.Erp.Creates);

        await Assert.ThrowsAsync<ArgumentException>(() => replica.Engine.ForkAsync(source, 1, new ReplayOptions(NewEffectKeys: true), CancellationToken.None));
        var resubmission = await replica.Engine.ForkAsync(source, 1, new ReplayOptions(ReplayMode.Live, NewEffectKeys: true, Operator: "olga"), CancellationToken.None);
        await replica.DrainAsync();

        Assert.Equal(2, graphs.Erp.Creates);
        var forked = (await replica.Engine.GetAuditAsync(resubmission, CancellationToken.None)).Single(a => a.Kind == "forked");
        Assert.Equal("olga", forked.Data!.Value.GetProperty("operator").GetString());
        Assert.True(forked.Data!.Value.GetProperty("new_effect_keys").GetBoolean());
    }

    private static async Task<string> SnapshotAsync(EngineHarness harness, Guid runId) =>
        await harness.ScalarAsync<string>("""
            select r.status || '|' || r.step || '|' || r.updated_at || '|cp:' || (select count(*) from graph_checkpoint where run_id = r.run_id)
              || '|' || (select string_agg(md5(state::text), ',' order by step) from graph_checkpoint where run_id = r.run_id)
              || '|audit:' || (select count(*) from graph_audit where run_id = r.run_id)
            from graph_run r where r.run_id = $1
            """, runId);

    private static async Task<string> FinalStateHashAsync(EngineHarness harness, Guid runId) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(await harness.ScalarAsync<string>(
            "select state::text from graph_checkpoint where run_id = $1 order by step desc limit 1", runId))));
}
