using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Mcs.Orchestrator.Graph.Runtime;

/// <summary>
/// Advances runs (graph-engine.md §4.4): claims them under a lease, runs the next node with a timeout and a token that
/// is cancelled when the lease is lost, and commits checkpoint, step, audit and effects in one statement. Owns retry,
/// interrupts, crash-loop cap and blocking; <see cref="GraphWorker"/> drives it in the host, tests drive it directly.
/// </summary>
internal sealed partial class GraphRunner : IAsyncDisposable
{
    private readonly GraphStore _store;
    private readonly GraphRegistry _registry;
    private readonly TimeProvider _clock;
    private readonly GraphEngineOptions _options;
    private readonly ICrashInjector _crashes;
    private readonly IServiceScopeFactory _scopes;
    private readonly RunSignals _signals;
    private readonly ILogger<GraphRunner> _logger;
    private readonly LeaseKeeper _leases;

    public GraphRunner(GraphStore store, GraphRegistry registry, TimeProvider clock, IOptions<GraphEngineOptions> options, ICrashInjector crashes,
        IServiceScopeFactory scopes, RunSignals signals, ILogger<GraphRunner> logger)
    {
        _store = store;
        _registry = registry;
        _clock = clock;
        _options = options.Value;
        _crashes = crashes;
        _scopes = scopes;
        _signals = signals;
        _logger = logger;
        OwnerId = _options.OwnerId ?? $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
        _leases = new LeaseKeeper(store, clock, OwnerId, _options.LeaseDuration, _options.HeartbeatInterval, e => GraphLog.RenewalFailed(logger, e));
    }

    public string OwnerId { get; }

    internal LeaseKeeper Leases => _leases;

    /// <summary>Claims up to <paramref name="maxRuns"/> runs and advances each until it settles, pauses, backs off or is lost; returns how many were claimed.</summary>
    public async Task<int> RunAvailableAsync(int maxRuns, CancellationToken cancellationToken)
    {
        var claimed = await _store.ClaimAsync(OwnerId, _clock.GetUtcNow(), _options.LeaseDuration, maxRuns, cancellationToken);
        await Task.WhenAll(claimed.Select(run => DriveAsync(run, cancellationToken)));
        return claimed.Count;
    }

    /// <summary>Claims runs without waiting for them; each returned task completes when its run leaves this replica.</summary>
    public async Task<IReadOnlyList<Task>> StartAvailableAsync(int maxRuns, CancellationToken cancellationToken)
    {
        var claimed = await _store.ClaimAsync(OwnerId, _clock.GetUtcNow(), _options.LeaseDuration, maxRuns, cancellationToken);
        return claimed.Select(run => Task.Run(() => DriveAsync(run, cancellationToken), CancellationToken.None)).ToArray();
    }

    private async Task DriveAsync(ClaimedRun run, CancellationToken cancellationToken)
    {
        if (run.PreviousOwner is { } previous)
        {
            GraphTelemetry.Takeovers.Add(1);
            GraphLog.TakenOver(_logger, run.RunId, previous);
        }
        var lease = _leases.Hold(run.RunId, run.FencingToken);
        try
        {
            if (run.ClaimCount > _options.CrashLoopCap)
            {
                GraphLog.CrashLoop(_logger, run.RunId, run.ClaimCount);
                await _store.StopRunAsync(run, OwnerId, RunLifecycle.Failed, run.NextNode ?? "", run.Attempt, "crash_loop", "crash_loop",
                    $"The run was claimed {run.ClaimCount} times without committing a step.", false, null, 0,
                    JsonSerializer.Serialize(new { claims = run.ClaimCount }), _clock.GetUtcNow(), cancellationToken);
                _signals.Notify(run.RunId);
                return;
            }
            while (run.NextNode is { } node && !cancellationToken.IsCancellationRequested)
            {
                var advance = await StepAsync(run, node, lease, cancellationToken);
                if (advance != StepOutcome.Continue)
                {
                    break;
                }
            }
        }
        catch (InjectedCrashException)
        {
            // Stands for process death: leave the lease and every row as they are.
            throw;
        }
        catch (LeaseLostException)
        {
            GraphLog.LeaseLost(_logger, run.RunId, run.NextNode ?? "", run.Step);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the lease runs out and another replica (or this one after restart) continues from the checkpoint.
        }
        finally
        {
            _leases.Drop(lease);
        }
    }

    private async Task<StepOutcome> StepAsync(ClaimedRun run, string node, HeldLease lease, CancellationToken cancellationToken)
    {
        if (!_registry.TryGet(run.GraphName, out var graph) || !graph.HasNode(node))
        {
            return await BlockAsync(run, node, "unknown_node", $"Graph '{run.GraphName}' has no node '{node}'.", cancellationToken);
        }
        IGraphState state;
        try
        {
            state = graph.DeserializeStateUntyped(run.StateJson, run.StateSchemaVersion);
        }
        catch (StateSchemaTooNewException exception)
        {
            return await BlockAsync(run, node, "state_schema_too_new", exception.Message, cancellationToken);
        }
        if (run.NotBefore is { } notBefore && notBefore > _clock.GetUtcNow())
        {
            var wait = notBefore - _clock.GetUtcNow();
            if (wait > _options.KeepLeaseForBackoffUpTo)
            {
                await _store.ReleaseAsync(run, OwnerId, _clock.GetUtcNow(), cancellationToken);
                return StepOutcome.Stop;
            }
            using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease.Lost);
            await Task.Delay(wait, _clock, waiting.Token);
        }
        // Claims since the last recorded outcome count as attempts too: an attempt that died with its process still used one.
        var attempt = run.Attempt + Math.Max(1, run.ClaimCount);
        var retry = graph.RetryPolicyOf(node);
        using var activity = GraphTelemetry.Source.StartActivity($"graph.node {node}");
        activity?.SetTag("mcs.graph.name", run.GraphName);
        activity?.SetTag("mcs.graph.run_id", run.RunId);
        activity?.SetTag("mcs.graph.node", node);
        activity?.SetTag("mcs.graph.step", run.Step);
        activity?.SetTag("mcs.graph.attempt", attempt);
        var started = _clock.GetTimestamp();
        await using var scope = _scopes.CreateAsyncScope();
        var context = new NodeContext(
            new NodeContextData(run.RunId, run.LineageId, run.ParentRunId, run.GraphName, run.FlowVersion, run.BusinessKey, node, run.Step,
                attempt, run.FencingToken, _clock, scope.ServiceProvider, run.ReplayMode, run.NewEffectKeys,
                run.ResumeDecisionJson is { } decision ? JsonDocument.Parse(decision).RootElement.Clone() : null, run.ResumedBy, run.PreviousFailure),
            new AttemptJournal(_store, _clock, run.RunId, OwnerId, run.FencingToken), _crashes, () => lease.IsHeld, McsJsonOptions);
        NodeStepResult result;
        using (var timeout = new CancellationTokenSource(retry.AttemptTimeout ?? _options.DefaultAttemptTimeout, _clock))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease.Lost, timeout.Token))
        {
            try
            {
                result = await graph.ExecuteAsync(node, state, context, linked.Token);
            }
            catch (OperationCanceledException) when (lease.Lost.IsCancellationRequested)
            {
                throw new LeaseLostException();
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (OperationCanceledException exception) when (timeout.IsCancellationRequested)
            {
                result = Failure(retry, new TimeoutException($"Node '{node}' timed out.", exception), "node_timeout");
            }
            catch (EffectOutcomeUnknownException unknown)
            {
                result = new NodeStepResult.Interrupt(state, unknown.ReconcileKind,
                    JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["effect_key"] = unknown.EffectKey, ["node"] = node, ["reason"] = "effect_outcome_unknown" }));
                return await CommitAsync(graph, run, node, attempt, state, result, context, started, reconcileSameNode: true, lease, cancellationToken);
            }
            catch (Exception exception) when (exception is not (LeaseLostException or InjectedCrashException))
            {
                result = Failure(retry, exception, null);
            }
        }
        if (result is NodeStepResult.Fail fail)
        {
            return await FailAsync(graph, run, node, attempt, state, retry, fail, Elapsed(started), cancellationToken);
        }
        return await CommitAsync(graph, run, node, attempt, state, result, context, started, reconcileSameNode: false, lease, cancellationToken);
    }

    private static readonly JsonSerializerOptions McsJsonOptions = Mcs.Contracts.McsJson.Options;

    private static NodeStepResult.Fail Failure(RetryPolicy retry, Exception exception, string? code) => exception switch
    {
        NodeFailedException failed => new NodeStepResult.Fail(failed.Code, failed.Message, failed.Retryable),
        _ => new NodeStepResult.Fail(code ?? ErrorCodeOf(exception), exception.Message, retry.IsRetryable(exception)),
    };

    private static string ErrorCodeOf(Exception exception) => exception switch
    {
        TimeoutException => "node_timeout",
        HttpRequestException => "http_error",
        Npgsql.NpgsqlException => "database_error",
        JsonException => "invalid_json",
        _ => "node_exception",
    };

    private double Elapsed(long started) => _clock.GetElapsedTime(started).TotalMilliseconds;

    private enum StepOutcome
    {
        Continue,
        Stop,
    }
}
