namespace Mcs.Orchestrator.Graph;

/// <summary>The answer of <see cref="NodeContext.ClaimIdempotencyKeyAsync"/>: who owns a business idempotency key.</summary>
/// <param name="IsOwner">True when this run's lineage holds the key (first seen now, or by an earlier attempt or replay of the same lineage).</param>
/// <param name="OwnerRunId">The run that claimed the key first (for <c>duplicate_of</c>).</param>
/// <param name="OwnerLineageId">That run's lineage.</param>
/// <param name="ClaimedAt">When the key was first claimed.</param>
public sealed record IdempotencyClaim(bool IsOwner, Guid OwnerRunId, Guid OwnerLineageId, DateTimeOffset ClaimedAt);
