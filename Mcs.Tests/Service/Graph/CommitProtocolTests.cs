using Mcs.Orchestrator.Data;
using Mcs.Orchestrator.Graph;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Mcs.Tests.Service.Graph;

/// <summary>graph-engine.md §4.1/§4.4: a step commits exactly once; run + step 0 exist from the accepting transaction.</summary>
public sealed class CommitProtocolTests
{
    [Fact]
    public async Task A_run_goes_through_every_node_once_with_one_checkpoint_and_one_audit_row_per_step()
    {
        await using var harness = await EngineHarness.CreateAsync("engine_commit");
        var graphs = new TestGraphs();
        harness.Graphs.Add(graphs.Order());
        var replica = harness.Replica("a");

        var start = await replica.Engine.StartRunAsync("order-test", "mail-1", new FlowState(), null, CancellationToken.None);
        await replica.DrainAsync();

        var run = await replica.Engine.GetRunAsync(start.RunId, CancellationToken.None);
        Assert.Equal(RunLifecycle.Succeeded, run!.Status);
        Assert.Equal("succeeded", run.Outcome);
        Assert.Equal(3, run.Step);
        Assert.Null(run.NextNode);
        var checkpoints = await replica.Engine.ListCheckpointsAsync(start.RunId, CancellationToken.None);
        Assert.Equal([0, 1, 2, 3], checkpoints.Select(c => c.Step));
        Assert.Equal(["prepare", "create_order", "notify", null], checkpoints.Select(c => c.NextNode));
        var audit = await replica.Engine.GetAuditAsync(start.RunId, CancellationToken.None);
        Assert.Equal(["prepare", "create_order", "notify"], audit.Where(a => a.Kind == "node_completed").Select(a => a.Node));
        Assert.All(audit, a => Assert.StartsWith("sha256:", a.InputDigest ?? "sha256:"));
        var state = await replica.Engine.GetStateAsync<FlowState>(start.RunId, null, CancellationToken.None);
        Assert.Equal(["prepare", "create_order", "notify"], state!.Visited);
        Assert.Equal(1, graphs.Erp.Creates);
        Assert.Equal("succeeded", await harness.ScalarAsync<string>("select status from side_effect"));
        Assert.Equal(0L, await harness.ScalarAsync<long>("select count(*) from graph_run where owner_id is not null or lease_until is not null"));
    }

    [Fact]
    public async Task A_run_started_in_the_accepting_transaction_exists_only_if_that_transaction_commits()
    {
        await using var harness = await EngineHarness.CreateAsync("engine_accept");
        harness.Graphs.Add(new TestGraphs().Order());
        var engine = harness.Replica("a").Engine;
        await using var db = new OrchestratorDbContext(new DbContextOptionsBuilder<OrchestratorDbContext>().UseNpgsql(harness.ConnectionString).Options);

        await using (var rolledBack = await db.Database.BeginTransactionAsync())
        {
            var lost = await engine.StartRunAsync("order-test", "mail-rolled-back", new FlowState(), db, CancellationToken.None);
            Assert.True(lost.Created);
            await rolledBack.RollbackAsync();
        }
        RunStart kept;
        await using (var committed = await db.Database.BeginTransactionAsync())
        {
            kept = await engine.StartRunAsync("order-test", "mail-committed", new FlowState(), db, CancellationToken.None);
            await committed.CommitAsync();
        }

        Assert.Null(await engine.FindRunByBusinessKeyAsync("order-test", "mail-rolled-back", CancellationToken.None));
        var run = await engine.GetRunAsync(kept.RunId, CancellationToken.None);
        Assert.Equal((RunLifecycle.Pending, 0, "prepare"), (run!.Status, run.Step, run.NextNode));
        Assert.Equal([0], (await engine.ListCheckpointsAsync(kept.RunId, CancellationToken.None)).Select(c => c.Step));
    }

    [Fact]
    public async Task The_same_business_key_gives_one_run_whether_posted_concurrently_or_one_after_the_other()
    {
        await using var harness = await EngineHarness.CreateAsync("engine_dupkey");
        var graphs = new TestGraphs();
        harness.Graphs.Add(graphs.Order());
        var replica = harness.Replica("a");

        var concurrent = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ =>
            Task.Run(() => replica.Engine.StartRunAsync("order-test", "<same@mail>", new FlowState(), null, CancellationToken.None))));
        var later = await replica.Engine.StartRunAsync("order-test", "<same@mail>", new FlowState(), null, CancellationToken.None);
        await replica.DrainAsync();

        Assert.Single(concurrent, s => s.Created);
        Assert.Single(concurrent.Select(s => s.RunId).Append(later.RunId).Distinct());
        Assert.False(later.Created);
        Assert.Equal(1L, await harness.ScalarAsync<long>("select count(*) from graph_run"));
        Assert.Equal(1, graphs.Erp.Creates);
    }

    [Fact]
    public async Task When_the_audit_insert_fails_no_checkpoint_of_that_step_exists_and_the_node_runs_again()
    {
        await using var harness = await EngineHarness.CreateAsync("engine_atomic");
        var graphs = new TestGraphs();
        harness.Graphs.Add(graphs.Order());
        var replica = harness.Replica("a");
        // The audit row of notify fails exactly once, inside the commit statement.
        await harness.ExecuteAsync("""
            create table fail_once (done boolean);
            create function fail_audit() returns trigger language plpgsql as $$
            begin
              if new.node = 'notify' and new.kind = 'node_completed' and not exists (select 1 from fail_once) then
                insert into fail_once values (true);
                raise exception 'audit insert failed';
              end if;
              return new;
            end $$;
            create trigger audit_fails before insert on graph_audit for each row execute function fail_audit();
            """);
        var start = await replica.Engine.StartRunAsync("order-test", "mail-atomic", new FlowState(), null, CancellationToken.None);

        await Assert.ThrowsAnyAsync<PostgresException>(() => replica.Runner.RunAvailableAsync(1, CancellationToken.None));
        // The failed statement rolled back together: no step-3 checkpoint, the run still points at notify.
        Assert.Equal(0L, await harness.ScalarAsync<long>("select count(*) from graph_checkpoint where step = 3"));
        Assert.Equal("notify", (await replica.Engine.GetRunAsync(start.RunId, CancellationToken.None))!.NextNode);
        // fail_once holds a row only if its insert committed; it did not (same statement), so make it pass now.
        await harness.ExecuteAsync("insert into fail_once values (true)");

        harness.Clock.Advance(TimeSpan.FromSeconds(31));
        await harness.Replica("b").DrainAsync();

        Assert.Equal(RunLifecycle.Succeeded, (await replica.Engine.GetRunAsync(start.RunId, CancellationToken.None))!.Status);
        Assert.Equal(2, graphs.CallsOf("notify"));
        Assert.Equal(1, graphs.CallsOf("create_order"));
        Assert.Equal(1L, await harness.ScalarAsync<long>("select count(*) from graph_audit where node = 'notify' and kind = 'node_completed'"));
    }

    [Fact]
    public async Task A_commit_sent_again_after_it_landed_is_rejected_and_recognised_as_done()
    {
        await using var harness = await EngineHarness.CreateAsync("engine_recommit");
        harness.Graphs.Add(new TestGraphs().Order());
        var replica = harness.Replica("a");
        var start = await replica.Engine.StartRunAsync("order-test", "mail-recommit", new FlowState(), null, CancellationToken.None);
        var store = new Mcs.Orchestrator.Graph.Runtime.GraphStore(harness.DataSource);
        var claimed = Assert.Single(await store.ClaimAsync("a", harness.Clock.GetUtcNow(), TimeSpan.FromSeconds(30), 1, CancellationToken.None));
        var commit = new Mcs.Orchestrator.Graph.Runtime.StepCommit
        {
            RunId = start.RunId, OwnerId = "a", FencingToken = claimed.FencingToken, Step = 0, Node = "prepare", Attempt = 1,
            NextNode = "create_order", Status = RunLifecycle.Running, StateJson = "{}", StateSchemaVersion = 1,
            AuditKind = "node_completed", DurationMs = 1, Now = harness.Clock.GetUtcNow(),
        };

        Assert.True(await store.CommitAsync(commit, CancellationToken.None));
        Assert.False(await store.CommitAsync(commit, CancellationToken.None));
        Assert.True(await store.WasCommittedByAsync(start.RunId, "a", claimed.FencingToken, 0, CancellationToken.None));
        // Even bypassing the run-row guard, (run_id, step) is unique.
        await Assert.ThrowsAsync<PostgresException>(() => harness.ExecuteAsync(
            "insert into graph_checkpoint (run_id, step, state, state_schema_version, state_bytes, created_at) values ($1, 1, '{}', 1, 2, now())", start.RunId));
        Assert.Equal(1L, await harness.ScalarAsync<long>("select count(*) from graph_audit where kind = 'node_completed'"));
    }
}
