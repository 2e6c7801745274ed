using System.Text.Json.Nodes;

namespace Mcs.Orchestrator.Graph;

/// <summary>Options of <see cref="IGraphEngine.ForkAsync"/>.</summary>
/// <param name="Mode">Live (default) or Recorded.</param>
/// <param name="NewEffectKeys">A deliberate re-submission: effects get keys of the new run, not of the lineage. Needs <paramref name="Operator"/>.</param>
/// <param name="Operator">Who asked for the replay; written to the audit of both runs.</param>
/// <param name="StateOverride">Replaces the state of checkpoint N in the new run (same schema as the graph's state), or null.</param>
public sealed record ReplayOptions(
    ReplayMode Mode = ReplayMode.Live,
    bool NewEffectKeys = false,
    string? Operator = null,
    JsonObject? StateOverride = null);
