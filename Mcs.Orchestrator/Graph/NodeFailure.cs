namespace Mcs.Orchestrator.Graph;

/// <summary>A node's final failure: stable code, message, and whether a later retry could help.</summary>
public sealed record NodeFailure(string Node, string Code, string Message, bool Retryable);
