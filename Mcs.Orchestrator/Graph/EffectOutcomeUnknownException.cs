namespace Mcs.Orchestrator.Graph;

/// <summary>
/// An effect's call failed in a way that leaves its outcome unknown, and no lookup could settle it. The engine
/// pauses the run with an interrupt of <see cref="ReconcileKind"/> instead of resending blind.
/// </summary>
public sealed class EffectOutcomeUnknownException : Exception
{
    public EffectOutcomeUnknownException(string effectKey, string reconcileKind, Exception? innerException = null)
        : base($"The outcome of effect '{effectKey}' is unknown; a human must reconcile it.", innerException)
    {
        EffectKey = effectKey;
        ReconcileKind = reconcileKind;
    }

    public EffectOutcomeUnknownException()
        : this("unknown", "effect_reconcile")
    {
    }

    public EffectOutcomeUnknownException(string message)
        : base(message)
    {
        EffectKey = "unknown";
        ReconcileKind = "effect_reconcile";
    }

    public EffectOutcomeUnknownException(string message, Exception innerException)
        : base(message, innerException)
    {
        EffectKey = "unknown";
        ReconcileKind = "effect_reconcile";
    }

    public string EffectKey { get; }

    public string ReconcileKind { get; }
}
