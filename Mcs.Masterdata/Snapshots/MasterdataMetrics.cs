using System.Diagnostics.Metrics;

namespace Mcs.Masterdata.Snapshots;

/// <summary>
/// Cache lookups by level: <c>l1</c> (memory), <c>l2</c> (Redis), <c>miss</c> (built from PostgreSQL). The hit ratio
/// is l1+l2 over all; a dashboard divides the counters.
/// </summary>
public sealed class MasterdataMetrics
{
    public const string MeterName = "Mcs.Masterdata";
    public const string LookupsInstrument = "mcs.masterdata.cache.lookups";
    public const string LevelTag = "level";

    private readonly Counter<long> _lookups;

    public MasterdataMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _lookups = meter.CreateCounter<long>(LookupsInstrument, "{lookup}", "Snapshot cache lookups by the level that answered (l1, l2, miss).");
    }

    public void L1Hit() => _lookups.Add(1, new KeyValuePair<string, object?>(LevelTag, "l1"));
    public void L2Hit() => _lookups.Add(1, new KeyValuePair<string, object?>(LevelTag, "l2"));
    public void Miss() => _lookups.Add(1, new KeyValuePair<string, object?>(LevelTag, "miss"));
}
