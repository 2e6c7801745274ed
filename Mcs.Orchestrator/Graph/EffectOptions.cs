namespace Mcs.Orchestrator.Graph;

/// <summary>Options of one <see cref="NodeContext.EffectAsync{T}"/> call.</summary>
/// <param name="Ordinal">Distinguishes several effects of the same name in one node (0, 1, ...).</param>
/// <param name="ReconcileKind">Interrupt kind used when the outcome cannot be decided (e.g. <c>erp_reconcile</c>).</param>
/// <param name="OutcomeUnknownOn">Which failures of the call leave the outcome unknown (default: timeouts, no response, HTTP 5xx).</param>
/// <param name="RequestHash">Hash of the request, stored to spot a different request under the same key.</param>
public sealed record EffectOptions(
    int Ordinal = 0,
    string ReconcileKind = "effect_reconcile",
    Func<Exception, bool>? OutcomeUnknownOn = null,
    string? RequestHash = null)
{
    public static EffectOptions Default { get; } = new();
}
