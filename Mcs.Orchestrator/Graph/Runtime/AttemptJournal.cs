namespace Mcs.Orchestrator.Graph.Runtime;

/// <summary>The store as one node attempt sees it: bound to the run, owner, token and clock.</summary>
internal sealed class AttemptJournal(GraphStore store, TimeProvider clock, Guid runId, string ownerId, long token) : IEffectJournal
{
    public Task<EffectRecord> BeginEffectAsync(string effectKey, Guid runId1, string node, string? requestHash, CancellationToken cancellationToken) =>
        store.BeginEffectAsync(effectKey, runId1, node, requestHash, ownerId, token, clock.GetUtcNow(), cancellationToken);

    public Task<EffectRecord?> GetEffectAsync(string effectKey, CancellationToken cancellationToken) =>
        store.GetEffectAsync(effectKey, cancellationToken);

    public Task<bool> IsOwnerAsync(CancellationToken cancellationToken) =>
        store.IsOwnerAsync(runId, ownerId, token, clock.GetUtcNow(), cancellationToken);

    public Task MarkEffectAsync(string effectKey, EffectStatus status, string? responseJson, CancellationToken cancellationToken) =>
        store.MarkEffectAsync(effectKey, status, responseJson, clock.GetUtcNow(), cancellationToken);

    public Task<IdempotencyClaim> ClaimIdempotencyKeyAsync(string scope, string key, Guid runId1, Guid lineageId, DateTimeOffset now, CancellationToken cancellationToken) =>
        store.ClaimIdempotencyKeyAsync(scope, key, runId1, lineageId, now, cancellationToken);
}
