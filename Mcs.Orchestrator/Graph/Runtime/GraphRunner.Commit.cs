using System.Diagnostics;
using System.Text.Json;
using Npgsql;

namespace Mcs.Orchestrator.Graph.Runtime;

internal sealed partial class GraphRunner
{
    private async Task<StepOutcome> CommitAsync(CompiledGraph graph, ClaimedRun run, string node, int attempt, IGraphState input,
        NodeStepResult result, NodeContext context, long started, bool reconcileSameNode, HeldLease lease, CancellationToken cancellationToken)
    {
        var (output, interrupt) = result switch
        {
            NodeStepResult.Continue proceed => (proceed.State, (NodeStepResult.Interrupt?)null),
            NodeStepResult.Interrupt pause => (pause.State, pause),
            _ => throw new UnreachableException(),
        };
        string? next;
        try
        {
            next = reconcileSameNode ? node : graph.NextAfter(node, output);
        }
        catch (Exception exception) when (exception is GraphDefinitionException or InvalidCastException or NullReferenceException)
        {
            return await FailAsync(graph, run, node, attempt, input, RetryPolicy.None,
                new NodeStepResult.Fail("route_failed", exception.Message, false), Elapsed(started), cancellationToken);
        }
        var stateJson = graph.SerializeState(output);
        var stateBytes = System.Text.Encoding.UTF8.GetByteCount(stateJson);
        if (stateBytes > _options.StateMaxBytes)
        {
            return await FailAsync(graph, run, node, attempt, input, RetryPolicy.None,
                new NodeStepResult.Fail("state_too_large", $"The state is {stateBytes} bytes; the limit is {_options.StateMaxBytes}.", false),
                Elapsed(started), cancellationToken);
        }
        if (stateBytes > _options.StateWarnBytes)
        {
            await _store.AddAuditAsync(run.RunId, run.Step, node, attempt, "state_size_warning",
                JsonSerializer.Serialize(new { state_bytes = stateBytes, warn_bytes = _options.StateWarnBytes }), _clock.GetUtcNow(), cancellationToken);
        }
        var finished = next == GraphNames.End;
        var status = interrupt is not null ? RunLifecycle.Interrupted : finished ? RunLifecycle.Succeeded : RunLifecycle.Running;
        var duration = Elapsed(started);
        var commit = new StepCommit
        {
            RunId = run.RunId,
            OwnerId = OwnerId,
            FencingToken = run.FencingToken,
            Step = run.Step,
            Node = node,
            Attempt = attempt,
            NextNode = finished ? null : next,
            Status = status,
            Outcome = finished ? graph.OutcomeOf(output) : null,
            StateJson = stateJson,
            StateSchemaVersion = graph.StateSchemaVersion,
            AuditKind = reconcileSameNode ? "node_failed" : "node_completed",
            ErrorCode = reconcileSameNode ? "effect_outcome_unknown" : null,
            InputDigest = graph.InputDigestOf(node, input),
            OutputJson = reconcileSameNode ? null : graph.AuditOutputOf(node, input, output)?.ToJsonString(),
            AuditDataJson = context.Reconciled ? """{"reconciled":true}""" : null,
            DurationMs = duration,
            Effects = context.CompletedEffects,
            InterruptId = interrupt is null ? null : Guid.CreateVersion7(_clock.GetUtcNow()),
            InterruptKind = interrupt?.Kind,
            InterruptPayloadJson = interrupt?.Payload.GetRawText(),
            GraphName = run.GraphName,
            ReleaseLease = interrupt is not null || finished,
            Now = _clock.GetUtcNow(),
        };
        _crashes.At("before_commit", run.RunId, node);
        if (!lease.IsHeld)
        {
            throw new LeaseLostException();
        }
        var commitStarted = Stopwatch.GetTimestamp();
        if (!await CommitWithOneRetryAsync(commit, cancellationToken))
        {
            throw new LeaseLostException();
        }
        GraphTelemetry.CommitDuration.Record(Stopwatch.GetElapsedTime(commitStarted).TotalMilliseconds);
        GraphTelemetry.Commits.Add(1);
        GraphTelemetry.NodeDuration.Record(duration, new KeyValuePair<string, object?>("node", node));
        GraphTelemetry.NodeAttempts.Add(1, new KeyValuePair<string, object?>("node", node), new KeyValuePair<string, object?>("outcome", "completed"));
        _crashes.At("after_commit", run.RunId, node);
        run.Step++;
        run.NextNode = commit.NextNode;
        run.Attempt = 0;
        run.ClaimCount = 1;
        run.NotBefore = null;
        run.StateJson = stateJson;
        run.StateSchemaVersion = graph.StateSchemaVersion;
        run.ResumeDecisionJson = null;
        run.ResumedBy = null;
        run.PreviousFailure = null;
        if (status != RunLifecycle.Running)
        {
            _signals.Notify(run.RunId);
            return StepOutcome.Stop;
        }
        return StepOutcome.Continue;
    }

    // A dropped connection can hide whether the commit landed; the retry's zero rows are then told apart from a lost lease.
    private async Task<bool> CommitWithOneRetryAsync(StepCommit commit, CancellationToken cancellationToken)
    {
        try
        {
            return await _store.CommitAsync(commit, cancellationToken);
        }
        catch (NpgsqlException exception) when (exception.IsTransient)
        {
            return await _store.CommitAsync(commit, cancellationToken)
                || await _store.WasCommittedByAsync(commit.RunId, commit.OwnerId, commit.FencingToken, commit.Step, cancellationToken);
        }
    }

    private async Task<StepOutcome> FailAsync(CompiledGraph graph, ClaimedRun run, string node, int attempt, IGraphState input, RetryPolicy retry,
        NodeStepResult.Fail fail, double durationMs, CancellationToken cancellationToken)
    {
        GraphTelemetry.NodeAttempts.Add(1, new KeyValuePair<string, object?>("node", node), new KeyValuePair<string, object?>("outcome", "failed"));
        var now = _clock.GetUtcNow();
        // Every attempt's audit row names the input it ran on, failed or not, so a retry can be told from a changed input.
        var inputDigest = graph.InputDigestOf(node, input);
        if (fail.Retryable && attempt < retry.MaxAttempts)
        {
            var delay = retry.DelayAfter(attempt, Random.Shared.NextDouble());
            var notBefore = now + delay;
            var release = delay > _options.KeepLeaseForBackoffUpTo;
            GraphLog.RetryScheduled(_logger, run.RunId, node, attempt, fail.Code, notBefore);
            if (!await _store.ScheduleRetryAsync(run, OwnerId, node, attempt, notBefore, release, fail.Code, fail.Message, inputDigest, durationMs, now,
                cancellationToken))
            {
                throw new LeaseLostException();
            }
            run.Attempt = attempt;
            run.NotBefore = notBefore;
            run.ClaimCount = 1;
            return release ? StepOutcome.Stop : StepOutcome.Continue;
        }
        if (graph.FailureTargetOf(node) is { } target)
        {
            var failure = new StepCommit
            {
                RunId = run.RunId, OwnerId = OwnerId, FencingToken = run.FencingToken, Step = run.Step, Node = node, Attempt = attempt,
                NextNode = target == GraphNames.End ? null : target,
                Status = target == GraphNames.End ? RunLifecycle.Failed : RunLifecycle.Running,
                StateJson = run.StateJson, StateSchemaVersion = run.StateSchemaVersion, AuditKind = "node_failed", InputDigest = inputDigest,
                ErrorCode = fail.Code, ErrorMessage = fail.Message, ErrorRetryable = fail.Retryable, SetsError = true,
                DurationMs = durationMs, ReleaseLease = target == GraphNames.End, Now = now,
            };
            if (!await CommitWithOneRetryAsync(failure, cancellationToken))
            {
                throw new LeaseLostException();
            }
            run.Step++;
            run.NextNode = failure.NextNode;
            run.Attempt = 0;
            run.ClaimCount = 1;
            run.NotBefore = null;
            run.PreviousFailure = new NodeFailure(node, fail.Code, fail.Message, fail.Retryable);
            return run.NextNode is null ? StepOutcome.Stop : StepOutcome.Continue;
        }
        GraphLog.RunFailed(_logger, run.RunId, node, attempt, fail.Code);
        if (!await _store.StopRunAsync(run, OwnerId, RunLifecycle.Failed, node, attempt, "node_failed", fail.Code, fail.Message,
            fail.Retryable, inputDigest, durationMs, null, now, cancellationToken))
        {
            throw new LeaseLostException();
        }
        _signals.Notify(run.RunId);
        return StepOutcome.Stop;
    }

    private async Task<StepOutcome> BlockAsync(ClaimedRun run, string node, string code, string message, CancellationToken cancellationToken)
    {
        GraphLog.Blocked(_logger, run.RunId, message);
        await _store.StopRunAsync(run, OwnerId, RunLifecycle.Blocked, node, run.Attempt, "blocked", code, message, false, null, 0, null,
            _clock.GetUtcNow(), cancellationToken);
        _signals.Notify(run.RunId);
        return StepOutcome.Stop;
    }

    public ValueTask DisposeAsync() => _leases.DisposeAsync();
}
