using System.Collections.Concurrent;
using Mcs.Orchestrator.Graph;
using Mcs.Orchestrator.Graph.Runtime;

namespace Mcs.Tests.Support.Fakes;

/// <summary>In-memory effect and idempotency journal for node unit tests (the real one is the engine's PostgreSQL store).</summary>
internal sealed class FakeEffectJournal : IEffectJournal
{
    public ConcurrentDictionary<string, (EffectStatus Status, string? Response)> Effects { get; } = new();

    public ConcurrentDictionary<(string Scope, string Key), IdempotencyClaim> Claims { get; } = new();

    public Task<EffectRecord> BeginEffectAsync(string effectKey, Guid runId, string node, string? requestHash, CancellationToken cancellationToken)
    {
        if (Effects.TryGetValue(effectKey, out var existing))
        {
            return Task.FromResult(new EffectRecord(existing.Status, false, existing.Response, OwnerConfirmed: true));
        }
        Effects[effectKey] = (EffectStatus.Started, null);
        return Task.FromResult(new EffectRecord(EffectStatus.Started, true, null, OwnerConfirmed: true));
    }

    public Task<EffectRecord?> GetEffectAsync(string effectKey, CancellationToken cancellationToken) =>
        Task.FromResult(Effects.TryGetValue(effectKey, out var e) ? new EffectRecord(e.Status, false, e.Response, OwnerConfirmed: false) : null);

    public Task<bool> IsOwnerAsync(CancellationToken cancellationToken) => Task.FromResult(true);

    public Task MarkEffectAsync(string effectKey, EffectStatus status, string? responseJson, CancellationToken cancellationToken)
    {
        Effects[effectKey] = (status, responseJson);
        return Task.CompletedTask;
    }

    public Task<IdempotencyClaim> ClaimIdempotencyKeyAsync(string scope, string key, Guid runId, Guid lineageId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var claim = Claims.GetOrAdd((scope, key), _ => new IdempotencyClaim(true, runId, lineageId, now));
        return Task.FromResult(claim with { IsOwner = claim.OwnerLineageId == lineageId });
    }
}
