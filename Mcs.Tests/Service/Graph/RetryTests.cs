using Mcs.Orchestrator.Graph;

namespace Mcs.Tests.Service.Graph;

/// <summary>graph-engine.md §5 test 19: retry with persisted attempts and backoff on a fake clock.</summary>
public sealed class RetryTests
{
    private static readonly RetryPolicy NoJitter = new(MaxAttempts: 3, Initial: TimeSpan.FromSeconds(2), Backoff: 3, Jitter: false);

    private static CompiledGraph<FlowState> Flaky(Func<int, Exception?> failure, RetryPolicy retry) =>
        new GraphBuilder<FlowState>("flaky", 1)
            .Node("flaky", (s, ctx, ct) => failure(ctx.Attempt) is { } error ? throw error : NodeResult.ContinueTask(s.Visit($"flaky#{ctx.Attempt}")), retry)
            .Start("flaky").Edge("flaky", GraphNames.End)
            .Build();

    [Fact]
    public async Task Two_transient_failures_then_success_take_three_attempts_with_backoff_and_an_audit_row_each()
    {
        await using var harness = await EngineHarness.CreateAsync("engine_retry");
        harness.Graphs.Add(Flaky(attempt => attempt < 3 ? new HttpRequestException("503", null, System.Net.HttpStatusCode.ServiceUnavailable) : null, NoJitter));
        var replica = harness.Replica("a");
        var start = await replica.Engine.StartRunAsync("flaky", "mail-retry", new FlowState(), null, CancellationToken.None);
        var t0 = harness.Clock.GetUtcNow();

        await replica.DrainAsync();
        var afterFirst = await replica.Engine.GetRunAsync(start.RunId, CancellationToken.None);
        Assert.Equal((1, t0 + TimeSpan.FromSeconds(2)), (afterFirst!.Attempt, afterFirst.NotBefore));
        harness.Clock.Advance(TimeSpan.FromSeconds(1.9));
        Assert.Equal(0, await replica.DrainAsync());
        harness.Clock.Advance(TimeSpan.FromSeconds(0.1));
        await replica.DrainAsync();
        var afterSecond = await replica.Engine.GetRunAsync(start.RunId, CancellationToken.None);
        Assert.Equal((2, harness.Clock.GetUtcNow() + TimeSpan.FromSeconds(6)), (afterSecond!.Attempt, afterSecond.NotBefore));
        harness.Clock.Advance(TimeSpan.FromSeconds(6));
        await replica.DrainAsync();

        Assert.Equal(RunLifecycle.Succeeded, (await replica.Engine.GetRunAsync(start.RunId, CancellationToken.None))!.Status);
        var audit = await replica.Engine.GetAuditAsync(start.RunId, CancellationToken.None);
        Assert.Equal(
            ["node_failed:1", "retry_scheduled:1", "node_failed:2", "retry_scheduled:2", "node_completed:3"],
            audit.Select(a => $"{a.Kind}:{a.Attempt}"));
        Assert.Equal(["flaky#3"], (await replica.Engine.GetStateAsync<FlowState>(start.RunId, null, CancellationToken.None))!.Visited);
    }

    [Fact]
    public async Task Every_attempt_records_the_digest_of_the_input_it_ran_on_failed_retried_or_completed()
    {
        await using var harness = await EngineHarness.CreateAsync("engine_retry_digest");
        harness.Graphs.Add(Flaky(attempt => attempt < 3 ? new TimeoutException() : null, NoJitter));
        var replica = harness.Replica("a");
        var start = await replica.Engine.StartRunAsync("flaky", "mail-retry-digest", new FlowState(), null, CancellationToken.None);

        await replica.DrainAsync();
        harness.Clock.Advance(TimeSpan.FromSeconds(2));
        await replica.DrainAsync();
        harness.Clock.Advance(TimeSpan.FromSeconds(6));
        await replica.DrainAsync();

        var attempts = (await replica.Engine.GetAuditAsync(start.RunId, CancellationToken.None))
            .Where(a => a.Kind is "node_failed" or "node_completed").ToList();
        Assert.Equal(["node_failed:1", "node_failed:2", "node_completed:3"], attempts.Select(a => $"{a.Kind}:{a.Attempt}"));
        // All three attempts ran on the same (unchanged) input, so all three rows carry the same digest.
        var digest = attempts[^1].InputDigest;
        Assert.StartsWith("sha256:", digest, StringComparison.Ordinal);
        Assert.Equal([digest, digest, digest], attempts.Select(a => a.InputDigest));
    }

    [Fact]
    public async Task The_last_failed_attempt_routed_to_the_failure_node_records_its_input_digest()
    {
        await using var harness = await EngineHarness.CreateAsync("engine_onfailure_digest");
        harness.Graphs.Add(new GraphBuilder<FlowState>("with-error-node", 1)
            .Node("call", (s, ctx, ct) => throw new NodeFailedException("erp_rejected", "ERP said 422", retryable: false))
            .Node("finalize", (s, ctx, ct) => NodeResult.ContinueTask(s.Visit("finalize")))
            .Start("call").Edge("call", GraphNames.End).OnFailure("call", "finalize").Edge("finalize", GraphNames.End)
            .Build());
        var replica = harness.Replica("a");
        var start = await replica.Engine.StartRunAsync("with-error-node", "mail-onfailure-digest", new FlowState(), null, CancellationToken.None);

        await replica.DrainAsync();

        var audit = await replica.Engine.GetAuditAsync(start.RunId, CancellationToken.None);
        var failed = Assert.Single(audit, a => a.Kind == "node_failed");
        var finalized = Assert.Single(audit, a => a.Kind == "node_completed");
        // "finalize" ran on the state "call" failed on (a failure changes no state), so both digests match.
        Assert.StartsWith("sha256:", failed.InputDigest, StringComparison.Ordinal);
        Assert.Equal(finalized.InputDigest, failed.InputDigest);
    }

    [Fact]
    public async Task A_non_retryable_error_fails_the_run_at_once()
    {
        await using var harness = await EngineHarness.CreateAsync("engine_noretry");
        harness.Graphs.Add(Flaky(_ => new NodeFailedException("erp_rejected", "ERP said 422", retryable: false), NoJitter));
        var replica = harness.Replica("a");
        var start = await replica.Engine.StartRunAsync("flaky", "mail-noretry", new FlowState(), null, CancellationToken.None);

        await replica.DrainAsync();

        var run = await replica.Engine.GetRunAsync(start.RunId, CancellationToken.None);
        Assert.Equal((RunLifecycle.Failed, "erp_rejected", "flaky", false), (run!.Status, run.ErrorCode, run.ErrorNode, run.ErrorRetryable));
        Assert.Equal(Mcs.Contracts.Runs.RunStatus.Failed, run.ToApiStatus());
        var audit = await replica.Engine.GetAuditAsync(start.RunId, CancellationToken.None);
        Assert.Equal(["node_failed:1"], audit.Select(a => $"{a.Kind}:{a.Attempt}"));
        Assert.StartsWith("sha256:", audit[0].InputDigest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_replica_that_takes_over_between_attempts_continues_the_attempt_count_and_the_backoff()
    {
        await using var harness = await EngineHarness.CreateAsync("engine_retry_takeover");
        harness.Graphs.Add(Flaky(attempt => attempt < 3 ? new TimeoutException() : null, NoJitter));
        var start = await harness.Replica("a").Engine.StartRunAsync("flaky", "mail-retry-takeover", new FlowState(), null, CancellationToken.None);

        await harness.Replica("a").DrainAsync();                // attempt 1 fails; A releases the run for the backoff
        harness.Clock.Advance(TimeSpan.FromSeconds(2));
        await harness.Replica("b").DrainAsync();                // B: attempt 2 fails, backoff 6 s persisted
        var run = await harness.Replica("c").Engine.GetRunAsync(start.RunId, CancellationToken.None);
        Assert.Equal((2, harness.Clock.GetUtcNow() + TimeSpan.FromSeconds(6)), (run!.Attempt, run.NotBefore));
        harness.Clock.Advance(TimeSpan.FromSeconds(6));
        await harness.Replica("c").DrainAsync();                // C: attempt 3 succeeds

        Assert.Equal(["flaky#3"], (await harness.Replica("d").Engine.GetStateAsync<FlowState>(start.RunId, null, CancellationToken.None))!.Visited);
    }

    [Fact]
    public async Task Exhausted_retries_route_to_the_declared_failure_node_which_sees_the_failure()
    {
        await using var harness = await EngineHarness.CreateAsync("engine_onfailure");
        harness.Graphs.Add(new GraphBuilder<FlowState>("with-error-node", 1)
            .Node("call", (s, ctx, ct) => throw new TimeoutException("slow"), new RetryPolicy(MaxAttempts: 1))
            .Node("finalize", (s, ctx, ct) => NodeResult.ContinueTask(s.Visit($"finalize after {ctx.PreviousFailure?.Node}:{ctx.PreviousFailure?.Code}")))
            .Start("call").Edge("call", GraphNames.End).OnFailure("call", "finalize").Edge("finalize", GraphNames.End)
            .Outcome(_ => "failed")
            .Build());
        var replica = harness.Replica("a");
        var start = await replica.Engine.StartRunAsync("with-error-node", "mail-onfailure", new FlowState(), null, CancellationToken.None);

        await replica.DrainAsync();

        var run = await replica.Engine.GetRunAsync(start.RunId, CancellationToken.None);
        Assert.Equal((RunLifecycle.Succeeded, "failed", "node_timeout"), (run!.Status, run.Outcome, run.ErrorCode));
        Assert.Equal(Mcs.Contracts.Runs.RunStatus.Failed, run.ToApiStatus());
        Assert.Equal(["finalize after call:node_timeout"], (await replica.Engine.GetStateAsync<FlowState>(start.RunId, null, CancellationToken.None))!.Visited);
    }
}
