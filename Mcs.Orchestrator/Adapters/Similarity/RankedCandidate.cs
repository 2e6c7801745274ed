namespace Mcs.Orchestrator.Adapters.Similarity;

/// <summary>A candidate's best score (0–100) over its names, and the name that gave it.</summary>
public sealed record RankedCandidate(string Id, int Score, string MatchedName);
