using System.Text.Json;
using Mcs.Orchestrator.Graph.Runtime;

namespace Mcs.Orchestrator.Graph;

/// <summary>
/// What a node knows about the attempt it runs in, and the door to side effects. One instance per node attempt.
/// </summary>
public sealed class NodeContext
{
    private readonly IEffectJournal _journal;
    private readonly ICrashInjector _crashes;
    private readonly Func<bool> _leaseHeld;
    private readonly JsonSerializerOptions _json;
    private readonly Guid _effectKeyRoot;
    private readonly List<CompletedEffect> _completedEffects = [];

    internal NodeContext(NodeContextData data, IEffectJournal journal, ICrashInjector crashes, Func<bool> leaseHeld, JsonSerializerOptions json)
    {
        RunId = data.RunId;
        LineageId = data.LineageId;
        ParentRunId = data.ParentRunId;
        GraphName = data.GraphName;
        FlowVersion = data.FlowVersion;
        BusinessKey = data.BusinessKey;
        Node = data.Node;
        Step = data.Step;
        Attempt = data.Attempt;
        FencingToken = data.FencingToken;
        Clock = data.Clock;
        Services = data.Services;
        ReplayMode = data.ReplayMode;
        ResumeDecision = data.ResumeDecision;
        ResumedBy = data.ResumedBy;
        PreviousFailure = data.PreviousFailure;
        _effectKeyRoot = data.NewEffectKeys ? data.RunId : data.LineageId;
        _journal = journal;
        _crashes = crashes;
        _leaseHeld = leaseHeld;
        _json = json;
    }

    public Guid RunId { get; }

    /// <summary>The original run of a chain of replays (equal to <see cref="RunId"/> for a run that is not a fork).</summary>
    public Guid LineageId { get; }

    public Guid? ParentRunId { get; }

    public string GraphName { get; }

    /// <summary>The graph version the run started with; routes and nodes may branch on it.</summary>
    public int FlowVersion { get; }

    public string BusinessKey { get; }

    public string Node { get; }

    /// <summary>The step this node's commit will create is <c>Step + 1</c>.</summary>
    public int Step { get; }

    /// <summary>1-based attempt of this node at this step; survives takeovers.</summary>
    public int Attempt { get; }

    public long FencingToken { get; }

    public TimeProvider Clock { get; }

    /// <summary>A service scope for this attempt (disposed after it).</summary>
    public IServiceProvider Services { get; }

    /// <summary>Null for a normal run; the mode for a replayed run.</summary>
    public ReplayMode? ReplayMode { get; }

    /// <summary>The decision of the interrupt this run was resumed from, while the node right after the pause runs.</summary>
    public JsonElement? ResumeDecision { get; }

    public string? ResumedBy { get; }

    /// <summary>When this node was reached through <see cref="GraphBuilder{TState}.OnFailure"/>: the failure that led here.</summary>
    public NodeFailure? PreviousFailure { get; }

    /// <summary>True when an effect of this attempt was settled by a lookup or a recorded response instead of a call.</summary>
    public bool Reconciled { get; private set; }

    internal IReadOnlyList<CompletedEffect> CompletedEffects => _completedEffects;

    /// <summary>The decision of the resumed interrupt, deserialized; default when this attempt was not resumed.</summary>
    public T? ResumeValue<T>() => ResumeDecision is { } decision ? decision.Deserialize<T>(_json) : default;

    /// <summary>
    /// The idempotency key of an effect: <c>{lineage}:{node}:{effect}:{ordinal}</c>. It never contains the attempt or
    /// the lease token, so a retry, a takeover or a replay asks the external system with the same key.
    /// </summary>
    public string EffectKey(string effect, int ordinal = 0) => $"{_effectKeyRoot:N}:{Node}:{effect}:{ordinal}";

    /// <summary>
    /// Claims a business idempotency key (e.g. a mail's dedupe key) for this run's lineage, committed at once. The
    /// first claimer owns it; every later caller of another lineage learns the owner (a duplicate).
    /// </summary>
    public Task<IdempotencyClaim> ClaimIdempotencyKeyAsync(string scope, string key, CancellationToken cancellationToken) =>
        _journal.ClaimIdempotencyKeyAsync(scope, key, RunId, LineageId, Clock.GetUtcNow(), cancellationToken);

    /// <summary>
    /// Performs an external effect at most once per key (graph-engine.md §4.5): records <c>started</c> before the call;
    /// returns the stored response if the key already succeeded; after an earlier attempt died mid-call asks
    /// <paramref name="lookupByKey"/> before any re-create; when the outcome stays unknown and no lookup exists, marks
    /// the effect <c>unknown</c> and pauses the run (<see cref="EffectOutcomeUnknownException"/>). The response is
    /// stored by the node's commit. Pass the key to the external system as <c>Idempotency-Key</c> and in a reference field.
    /// </summary>
    /// <param name="effect">Effect name, unique within the node (e.g. <c>create_order</c>).</param>
    /// <param name="call">Makes the call with the key.</param>
    /// <param name="lookupByKey">Finds an earlier result by key (null = it does not exist); null when the system has no lookup.</param>
    /// <param name="cancellationToken">The node's token (cancelled on timeout or lost lease).</param>
    /// <param name="options">Ordinal, reconcile interrupt kind, what counts as an unknown outcome.</param>
    public async Task<T> EffectAsync<T>(
        string effect,
        Func<string, CancellationToken, Task<T>> call,
        Func<string, CancellationToken, Task<T?>>? lookupByKey,
        CancellationToken cancellationToken,
        EffectOptions? options = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(call);
        options ??= EffectOptions.Default;
        var key = EffectKey(effect, options.Ordinal);
        if (ReplayMode == Graph.ReplayMode.Recorded)
        {
            var recorded = await _journal.GetEffectAsync(key, cancellationToken);
            return recorded is { Status: EffectStatus.Succeeded, ResponseJson: { } response }
                ? Complete(key, JsonSerializer.Deserialize<T>(response, _json)!, reconciled: true)
                : throw new NodeFailedException("replay_effect_not_recorded", $"Recorded replay has no response for effect '{key}'.", retryable: false);
        }
        var record = await _journal.BeginEffectAsync(key, RunId, Node, options.RequestHash, cancellationToken);
        if (record is { Status: EffectStatus.Succeeded, ResponseJson: { } stored })
        {
            return Complete(key, JsonSerializer.Deserialize<T>(stored, _json)!, reconciled: true);
        }
        if (!record.IsNew && record.Status is EffectStatus.Started or EffectStatus.Unknown)
        {
            if (lookupByKey is not null)
            {
                var found = await lookupByKey(key, cancellationToken);
                if (found is not null)
                {
                    return Complete(key, found, reconciled: true);
                }
            }
            else if (!IsResendApproved())
            {
                await _journal.MarkEffectAsync(key, EffectStatus.Unknown, null, cancellationToken);
                throw new EffectOutcomeUnknownException(key, options.ReconcileKind);
            }
        }
        // A new effect went straight from its begin statement (which checked ownership) to here; after a lookup or a
        // reconcile, time has passed, so ownership is asked again.
        if (!_leaseHeld() || !(record.IsNew ? record.OwnerConfirmed : await _journal.IsOwnerAsync(cancellationToken)))
        {
            // The commit-time fence protects the database only; the external system must not see a call from a replica that lost the run.
            throw new LeaseLostException();
        }
        _crashes.At("before_effect_call", RunId, Node);
        T result;
        try
        {
            result = await call(key, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && IsOutcomeUnknown(options, exception))
        {
            if (lookupByKey is not null)
            {
                var found = await lookupByKey(key, cancellationToken);
                if (found is not null)
                {
                    return Complete(key, found, reconciled: true);
                }
                // Not there (yet): leave the row 'started'; the retry looks up again before any re-create.
                throw new NodeFailedException("effect_outcome_pending", $"Effect '{key}' failed without an answer and was not found.", retryable: true, exception);
            }
            await _journal.MarkEffectAsync(key, EffectStatus.Unknown, null, CancellationToken.None);
            throw new EffectOutcomeUnknownException(key, options.ReconcileKind, exception);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await _journal.MarkEffectAsync(key, EffectStatus.Failed, null, CancellationToken.None);
            throw;
        }
        _crashes.At("after_effect_call", RunId, Node);
        return Complete(key, result, reconciled: false);
    }

    private T Complete<T>(string key, T result, bool reconciled)
    {
        Reconciled |= reconciled;
        _completedEffects.Add(new CompletedEffect(key, JsonSerializer.Serialize(result, _json)));
        return result;
    }

    // An operator who checked the external system by hand may answer a reconcile interrupt with {"action":"resend"}.
    private bool IsResendApproved() =>
        ResumeDecision is { ValueKind: JsonValueKind.Object } decision
        && decision.TryGetProperty("action", out var action)
        && action.ValueKind == JsonValueKind.String
        && action.GetString() == "resend";

    private static bool IsOutcomeUnknown(EffectOptions options, Exception exception) =>
        options.OutcomeUnknownOn?.Invoke(exception) ?? exception switch
        {
            TimeoutException => true,
            TaskCanceledException => true,
            HttpRequestException { StatusCode: null } => true,
            HttpRequestException { StatusCode: { } status } => (int)status >= 500,
            _ => false,
        };
}
