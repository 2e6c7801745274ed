using System.Text.Json;
using Mcs.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace Mcs.Orchestrator.Graph.Runtime;

/// <summary>The API's view of the engine (<see cref="IGraphEngine"/>) over <see cref="GraphStore"/>.</summary>
internal sealed class GraphEngine(GraphStore store, GraphRegistry registry, TimeProvider clock, RunSignals signals, IOptions<GraphEngineOptions> options)
    : IGraphEngine
{
    // POST /run's waiters' polls, one statement per gathering (WaitForSettledAsync).
    private readonly RunReadBatcher _polls = new(store.GetRunsAsync);

    public async Task<RunStart> StartRunAsync<TState>(string graphName, string businessKey, TState input, DbContext? acceptingContext, CancellationToken cancellationToken)
        where TState : class, IGraphState
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(businessKey);
        ArgumentNullException.ThrowIfNull(input);
        var graph = registry.Get<TState>(graphName);
        var stateJson = graph.SerializeState(input);
        if (acceptingContext is null)
        {
            var started = await store.CreateRunAsync(graph, businessKey, stateJson, clock.GetUtcNow(), null, null, cancellationToken);
            WakeUp();
            return started;
        }
        var database = acceptingContext.Database;
        await database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await store.CreateRunAsync(graph, businessKey, stateJson, clock.GetUtcNow(), database.GetDbConnection(),
                database.CurrentTransaction?.GetDbTransaction(), cancellationToken);
        }
        finally
        {
            await database.CloseConnectionAsync();
        }
    }

    public void WakeUp() => signals.WorkAvailable();

    public Task<RunInfo?> GetRunAsync(Guid runId, CancellationToken cancellationToken) => store.GetRunAsync(runId, cancellationToken);

    public Task<RunInfo?> FindRunByBusinessKeyAsync(string graphName, string businessKey, CancellationToken cancellationToken) =>
        store.FindRunByBusinessKeyAsync(graphName, businessKey, cancellationToken);

    public async Task<TState?> GetStateAsync<TState>(Guid runId, int? step, CancellationToken cancellationToken)
        where TState : class, IGraphState
    {
        var run = await store.GetRunAsync(runId, cancellationToken);
        return run is null ? null : await GetStateAsync<TState>(run, step, cancellationToken);
    }

    public async Task<TState?> GetStateAsync<TState>(RunInfo run, int? step, CancellationToken cancellationToken)
        where TState : class, IGraphState
    {
        ArgumentNullException.ThrowIfNull(run);
        return await store.GetStateJsonAsync(run.RunId, step, cancellationToken) is { } checkpoint
            ? registry.Get<TState>(run.GraphName).DeserializeState(checkpoint.Json, checkpoint.SchemaVersion)
            : null;
    }

    public Task<RunPage> ListRunsAsync(RunQuery query, CancellationToken cancellationToken) => store.ListRunsAsync(query, cancellationToken);

    public Task<IReadOnlyList<AuditEntry>> GetAuditAsync(Guid runId, CancellationToken cancellationToken) => store.GetAuditAsync(runId, cancellationToken);

    public Task<IReadOnlyList<CheckpointInfo>> ListCheckpointsAsync(Guid runId, CancellationToken cancellationToken) =>
        store.ListCheckpointsAsync(runId, cancellationToken);

    public Task<IReadOnlyList<InterruptInfo>> ListOpenInterruptsAsync(string? graphName, int limit, CancellationToken cancellationToken) =>
        store.ListInterruptsAsync(null, graphName, openOnly: true, limit, cancellationToken);

    public Task<IReadOnlyList<InterruptInfo>> GetInterruptsAsync(Guid runId, CancellationToken cancellationToken) =>
        store.ListInterruptsAsync(runId, null, openOnly: false, 1000, cancellationToken);

    public async Task<ResumeResult> ResumeAsync(Guid runId, Guid interruptId, JsonElement decision, string reviewer, int? expectedStep, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reviewer);
        var result = await store.ResumeAsync(runId, interruptId, decision.GetRawText(), reviewer, expectedStep, clock.GetUtcNow(), cancellationToken);
        if (result == ResumeResult.Resumed)
        {
            WakeUp();
        }
        return result;
    }

    public async Task<Guid> ForkAsync(Guid sourceRunId, int step, ReplayOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.NewEffectKeys && string.IsNullOrWhiteSpace(options.Operator))
        {
            throw new ArgumentException("A replay with new effect keys re-submits effects and must name its operator.", nameof(options));
        }
        var source = await store.GetRunAsync(sourceRunId, cancellationToken) ?? throw new KeyNotFoundException($"Run {sourceRunId} does not exist.");
        var forked = await store.ForkAsync(sourceRunId, step, registry.Get(source.GraphName), options, clock.GetUtcNow(), cancellationToken)
            ?? throw new KeyNotFoundException($"Run {sourceRunId} has no checkpoint at step {step}.");
        WakeUp();
        return forked;
    }

    public async Task<bool> CancelAsync(Guid runId, string reason, CancellationToken cancellationToken)
    {
        var cancelled = await store.CancelAsync(runId, reason, clock.GetUtcNow(), cancellationToken);
        signals.Notify(runId);
        return cancelled;
    }

    public async Task<RunInfo> WaitForSettledAsync(Guid runId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = clock.GetUtcNow() + timeout;
        var polled = false;
        while (true)
        {
            var notified = signals.WhenNotified(runId);
            var run = (polled ? await _polls.GetAsync(runId, cancellationToken) : await store.GetRunAsync(runId, cancellationToken))
                ?? throw new KeyNotFoundException($"Run {runId} does not exist.");
            var remaining = deadline - clock.GetUtcNow();
            if (run.IsSettled || remaining <= TimeSpan.Zero)
            {
                return run;
            }
            // Another replica may advance the run, so poll too; a local commit wakes us at once. Polls fall on whole
            // multiples of the interval, so the waiters of a busy replica poll together, in one statement.
            var poll = UntilNextPoll(clock.GetUtcNow(), options.Value.WaiterPollInterval);
            var timer = Task.Delay(poll < remaining ? poll : remaining, clock, cancellationToken);
            polled = await Task.WhenAny(notified, timer) == timer;
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    internal static TimeSpan UntilNextPoll(DateTimeOffset now, TimeSpan interval)
    {
        var intoInterval = now.UtcTicks % interval.Ticks;
        return TimeSpan.FromTicks(interval.Ticks - intoInterval);
    }

    internal static JsonSerializerOptions Json => McsJson.Options;
}
