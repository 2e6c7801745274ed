namespace Mcs.Masterdata.Hosting;

/// <summary>Set once the schema is migrated (and the sample data seeded, when asked for); read by the health check.</summary>
public sealed class MigrationStatus
{
    private volatile bool _completed;

    public bool Completed => _completed;

    public void MarkCompleted() => _completed = true;
}
