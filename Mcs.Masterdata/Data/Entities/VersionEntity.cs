namespace Mcs.Masterdata.Data.Entities;

/// <summary>The single row holding the master-data version; its row lock serialises writers.</summary>
public sealed class VersionEntity
{
    public const int SingletonId = 1;

    public int Id { get; set; }
    public long Version { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}
