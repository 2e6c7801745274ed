using System.ComponentModel.DataAnnotations;

namespace Mcs.Mocks.Erp;

/// <summary>
/// <c>PUT /_mock/erp/behavior</c>: ignore the <c>Idempotency-Key</c> (every POST creates an order), fail the next N
/// POSTs with <see cref="FailStatus"/>, and/or delay every ERP call.
/// </summary>
public sealed record ErpBehavior
{
    public bool IgnoreIdempotencyKey { get; init; }

    [Range(0, 1_000_000)]
    public int FailNext { get; init; }

    [Range(400, 599)]
    public int FailStatus { get; init; } = 503;

    [Range(0, 3_600_000)]
    public int DelayMs { get; init; }
}
