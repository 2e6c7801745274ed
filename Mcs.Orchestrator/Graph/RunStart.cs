namespace Mcs.Orchestrator.Graph;

/// <summary>The answer of <see cref="IGraphEngine.StartRunAsync{TState}"/>: the run of the business key, and whether this call created it.</summary>
public sealed record RunStart(Guid RunId, bool Created);
