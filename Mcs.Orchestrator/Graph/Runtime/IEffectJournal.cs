namespace Mcs.Orchestrator.Graph.Runtime;

/// <summary>The side-effect and idempotency tables as a node's context needs them (implemented by the store).</summary>
internal interface IEffectJournal
{
    /// <summary>
    /// Inserts the effect as <c>started</c>, or returns the row an earlier attempt (or the lineage) left; in the same
    /// statement, checks that this attempt still owns the run (<see cref="EffectRecord.OwnerConfirmed"/>).
    /// </summary>
    Task<EffectRecord> BeginEffectAsync(string effectKey, Guid runId, string node, string? requestHash, CancellationToken cancellationToken);

    /// <summary>The effect's row without touching it (recorded replays), or null.</summary>
    Task<EffectRecord?> GetEffectAsync(string effectKey, CancellationToken cancellationToken);

    /// <summary>Does this replica still own the run (checked right before an external call)?</summary>
    Task<bool> IsOwnerAsync(CancellationToken cancellationToken);

    Task MarkEffectAsync(string effectKey, EffectStatus status, string? responseJson, CancellationToken cancellationToken);

    Task<IdempotencyClaim> ClaimIdempotencyKeyAsync(string scope, string key, Guid runId, Guid lineageId, DateTimeOffset now, CancellationToken cancellationToken);
}

internal enum EffectStatus
{
    Started,
    Succeeded,
    Unknown,
    Failed,
}

/// <param name="Status">Status after the begin call.</param>
/// <param name="IsNew">True when this call created the row (nothing was attempted before).</param>
/// <param name="ResponseJson">The recorded response when succeeded.</param>
/// <param name="OwnerConfirmed">The attempt's owner and fencing token still held an unexpired lease when the row was written.</param>
internal sealed record EffectRecord(EffectStatus Status, bool IsNew, string? ResponseJson, bool OwnerConfirmed);
