namespace Mcs.Mocks.Erp;

/// <summary>What a POST did: created (201), replayed the same key (200), or met another key's order (409).</summary>
public enum ErpCreateOutcome
{
    Created,
    SameKey,
    ExternalRefTaken,
}
