using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Mcs.Masterdata.Snapshots;

namespace Mcs.Tests.Service.Masterdata;

/// <summary>Listens to <c>mcs.masterdata.cache.lookups</c> of one service instance (its meter factory) and sums by level.</summary>
public sealed class CacheLookupCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _counts = new();

    public CacheLookupCounter(IMeterFactory scope)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Name == MasterdataMetrics.LookupsInstrument && ReferenceEquals(instrument.Meter.Scope, scope))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == MasterdataMetrics.LevelTag)
                {
                    _counts.AddOrUpdate((string)tag.Value!, value, (_, total) => total + value);
                }
            }
        });
        _listener.Start();
    }

    public long this[string level] => _counts.GetValueOrDefault(level);

    public void Dispose() => _listener.Dispose();
}
