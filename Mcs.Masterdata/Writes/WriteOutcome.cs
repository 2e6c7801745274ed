namespace Mcs.Masterdata.Writes;

/// <summary>What one committed write did: the version it produced and how many rows it touched.</summary>
public sealed record WriteOutcome(long Version, int Created, int Updated, int Deleted)
{
    public bool Changed => Created + Updated + Deleted > 0;
}
