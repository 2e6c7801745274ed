using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Mcs.Orchestrator.Graph;

/// <summary>
/// The engine as the API sees it: start runs, read them, resume interrupts, fork replays, wait for a result.
/// Runs are advanced by the engine's background worker (the runner), on any replica.
/// </summary>
public interface IGraphEngine
{
    /// <summary>
    /// Creates the run of <paramref name="businessKey"/> and its step-0 checkpoint, or returns the existing run of that
    /// key (<see cref="RunStart.Created"/> false). When <paramref name="acceptingContext"/> has an open transaction
    /// the rows are written in it, so the run exists exactly when the caller's acceptance commits; otherwise the
    /// engine commits them itself. The worker is woken after the caller's commit by <see cref="WakeUp"/>.
    /// </summary>
    Task<RunStart> StartRunAsync<TState>(string graphName, string businessKey, TState input, DbContext? acceptingContext, CancellationToken cancellationToken)
        where TState : class, IGraphState;

    /// <summary>Tells the local worker that new work may be claimable (it polls anyway).</summary>
    void WakeUp();

    Task<RunInfo?> GetRunAsync(Guid runId, CancellationToken cancellationToken);

    /// <summary>The root run of a business key (forks share the key and are not returned).</summary>
    Task<RunInfo?> FindRunByBusinessKeyAsync(string graphName, string businessKey, CancellationToken cancellationToken);

    /// <summary>The state at <paramref name="step"/> (null = the latest checkpoint), upcast to the current schema.</summary>
    Task<TState?> GetStateAsync<TState>(Guid runId, int? step, CancellationToken cancellationToken)
        where TState : class, IGraphState;

    /// <summary>As <see cref="GetStateAsync{TState}(Guid, int?, CancellationToken)"/> for a run already read (one statement fewer).</summary>
    Task<TState?> GetStateAsync<TState>(RunInfo run, int? step, CancellationToken cancellationToken)
        where TState : class, IGraphState;

    Task<RunPage> ListRunsAsync(RunQuery query, CancellationToken cancellationToken);

    /// <summary>The run's audit trail, oldest first (one row per node attempt, plus lifecycle rows).</summary>
    Task<IReadOnlyList<AuditEntry>> GetAuditAsync(Guid runId, CancellationToken cancellationToken);

    Task<IReadOnlyList<CheckpointInfo>> ListCheckpointsAsync(Guid runId, CancellationToken cancellationToken);

    /// <summary>Open interrupts from the database (never from memory), oldest first.</summary>
    Task<IReadOnlyList<InterruptInfo>> ListOpenInterruptsAsync(string? graphName, int limit, CancellationToken cancellationToken);

    /// <summary>The run's interrupts, open or decided, oldest first.</summary>
    Task<IReadOnlyList<InterruptInfo>> GetInterruptsAsync(Guid runId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a decision on an open interrupt and sets the run running, in one transaction with a <c>resumed</c> audit
    /// row. Idempotent: the same decision again is <see cref="ResumeResult.AlreadyResumed"/>; a different one is
    /// <see cref="ResumeResult.Conflict"/>. <paramref name="expectedStep"/> (null = any) guards against a stale review screen.
    /// </summary>
    Task<ResumeResult> ResumeAsync(Guid runId, Guid interruptId, JsonElement decision, string reviewer, int? expectedStep, CancellationToken cancellationToken);

    /// <summary>
    /// Forks a new run from checkpoint <paramref name="step"/> of <paramref name="sourceRunId"/> (same lineage, parent
    /// set, source unchanged) that continues under the current graph version. Returns the new run id.
    /// </summary>
    Task<Guid> ForkAsync(Guid sourceRunId, int step, ReplayOptions options, CancellationToken cancellationToken);

    /// <summary>Cancels a run that is not finished (an interrupted one included). False when it was already finished.</summary>
    Task<bool> CancelAsync(Guid runId, string reason, CancellationToken cancellationToken);

    /// <summary>
    /// Waits until the run is finished or interrupted, at most <paramref name="timeout"/> (measured on the engine's
    /// <see cref="TimeProvider"/>), and returns the run as it then is (check <see cref="RunInfo.Status"/>).
    /// </summary>
    Task<RunInfo> WaitForSettledAsync(Guid runId, TimeSpan timeout, CancellationToken cancellationToken);
}
