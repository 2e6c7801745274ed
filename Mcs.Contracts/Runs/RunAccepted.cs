namespace Mcs.Contracts.Runs;

/// <summary>The 202 answer when a run did not finish within the bounded wait.</summary>
public sealed record RunAccepted(string RunId, RunStatus Status);
