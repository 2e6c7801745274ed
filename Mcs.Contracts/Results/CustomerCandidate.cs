namespace Mcs.Contracts.Results;

public sealed record CustomerCandidate(string CustomerId, int Score);
