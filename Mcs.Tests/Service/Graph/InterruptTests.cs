using System.Text.Json;
using Mcs.Orchestrator.Graph;

namespace Mcs.Tests.Service.Graph;

/// <summary>graph-engine.md §5 tests 9 and 18: review pauses survive restarts; resume is idempotent.</summary>
public sealed class InterruptTests
{
    private static readonly JsonElement Approve = JsonSerializer.SerializeToElement(new { decision = "approve" });
    private static readonly JsonElement Reject = JsonSerializer.SerializeToElement(new { decision = "reject" });

    [Fact]
    public async Task A_paused_run_survives_two_restarts_without_re_execution_or_lease_and_finishes_after_resume()
    {
        await using var harness = await EngineHarness.CreateAsync("engine_pause");
        var graphs = new TestGraphs();
        harness.Graphs.Add(graphs.Review());
        var first = harness.Replica("first");
        var start = await first.Engine.StartRunAsync("review-test", "mail-review", new FlowState { NeedsReview = true }, null, CancellationToken.None);
        await first.DrainAsync();

        for (var restart = 0; restart < 2; restart++)
        {
            harness.Clock.Advance(TimeSpan.FromMinutes(10));
            Assert.Equal(0, await harness.Replica($"restart{restart}").DrainAsync());
        }
        var paused = await first.Engine.GetRunAsync(start.RunId, CancellationToken.None);
        Assert.Equal((RunLifecycle.Interrupted, "apply_review"), (paused!.Status, paused.NextNode));
        Assert.Equal(Mcs.Contracts.Runs.RunStatus.WaitingReview, paused.ToApiStatus());
        Assert.Equal(0L, await harness.ScalarAsync<long>("select count(*) from graph_run where owner_id is not null or lease_until is not null"));
        Assert.Equal(1, graphs.CallsOf("review"));
        // The review list is read from the database by a replica that never saw the pause.
        var open = Assert.Single(await harness.Replica("reader").Engine.ListOpenInterruptsAsync("review-test", 10, CancellationToken.None));
        Assert.Equal(("order_review", start.RunId, paused.Step), (open.Kind, open.RunId, open.Step));
        Assert.Equal("price_mismatch", open.Payload.GetProperty("reasons")[0].GetString());

        Assert.Equal(ResumeResult.Resumed, await first.Engine.ResumeAsync(start.RunId, open.InterruptId, Reject, "rita", paused.Step, CancellationToken.None));
        await harness.Replica("after").DrainAsync();

        var done = await first.Engine.GetRunAsync(start.RunId, CancellationToken.None);
        Assert.Equal((RunLifecycle.Succeeded, "rejected"), (done!.Status, done.Outcome));
        Assert.Equal(Mcs.Contracts.Runs.RunStatus.Rejected, done.ToApiStatus());
        Assert.Equal("reject", (await first.Engine.GetStateAsync<FlowState>(start.RunId, null, CancellationToken.None))!.Decision);
        Assert.Equal((1, 1), (graphs.CallsOf("review"), graphs.CallsOf("apply_review")));
        Assert.Empty(await first.Engine.ListOpenInterruptsAsync(null, 10, CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_resumes_of_one_interrupt_make_one_transition_and_a_different_decision_conflicts()
    {
        await using var harness = await EngineHarness.CreateAsync("engine_resume");
        harness.Graphs.Add(new TestGraphs().Review());
        var replica = harness.Replica("a");
        var start = await replica.Engine.StartRunAsync("review-test", "mail-resume", new FlowState { NeedsReview = true }, null, CancellationToken.None);
        await replica.DrainAsync();
        var open = Assert.Single(await replica.Engine.ListOpenInterruptsAsync(null, 10, CancellationToken.None));

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Task.Run(() => replica.Engine.ResumeAsync(start.RunId, open.InterruptId, Approve, "rita", open.Step, CancellationToken.None))));
        var different = await replica.Engine.ResumeAsync(start.RunId, open.InterruptId, Reject, "rob", open.Step, CancellationToken.None);
        var unknown = await replica.Engine.ResumeAsync(start.RunId, Guid.NewGuid(), Approve, "rob", null, CancellationToken.None);

        Assert.Single(results, r => r == ResumeResult.Resumed);
        Assert.All(results.Where(r => r != ResumeResult.Resumed), r => Assert.Equal(ResumeResult.AlreadyResumed, r));
        Assert.Equal(ResumeResult.Conflict, different);
        Assert.Equal(ResumeResult.NotFound, unknown);
        Assert.Equal(1L, await harness.ScalarAsync<long>("select count(*) from graph_audit where kind = 'resumed'"));
        var decided = Assert.Single(await replica.Engine.GetInterruptsAsync(start.RunId, CancellationToken.None));
        Assert.Equal(("rita", "approve"), (decided.DecidedBy, decided.Decision!.Value.GetProperty("decision").GetString()));
    }

    [Fact]
    public async Task A_resume_for_a_step_the_run_has_left_is_refused()
    {
        await using var harness = await EngineHarness.CreateAsync("engine_stale");
        harness.Graphs.Add(new TestGraphs().Review());
        var replica = harness.Replica("a");
        var start = await replica.Engine.StartRunAsync("review-test", "mail-stale", new FlowState { NeedsReview = true }, null, CancellationToken.None);
        await replica.DrainAsync();
        var open = Assert.Single(await replica.Engine.ListOpenInterruptsAsync(null, 10, CancellationToken.None));

        Assert.Equal(ResumeResult.StepMismatch, await replica.Engine.ResumeAsync(start.RunId, open.InterruptId, Approve, "rita", open.Step - 1, CancellationToken.None));
        Assert.Equal(RunLifecycle.Interrupted, (await replica.Engine.GetRunAsync(start.RunId, CancellationToken.None))!.Status);
    }
}
