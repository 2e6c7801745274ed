using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Mcs.EmailListener;

/// <summary>
/// Meter <c>Mcs.EmailListener</c>: mails seen, dispatched, failed and rejected per mailbox, IDLE/session reconnects,
/// and the sync lag (seconds since each mailbox last completed a sync pass; grows when a trigger silently stops).
/// </summary>
public sealed class EmailListenerMetrics
{
    public const string MeterName = "Mcs.EmailListener";

    private readonly Counter<long> _seen;
    private readonly Counter<long> _dispatched;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _reconnects;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastSync = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public EmailListenerMetrics(IMeterFactory meterFactory, TimeProvider time)
    {
        _time = time;
        var meter = meterFactory.Create(MeterName);
        _seen = meter.CreateCounter<long>("mcs.email.seen", "{mail}", "Mails recorded (new deliveries)");
        _dispatched = meter.CreateCounter<long>("mcs.email.dispatched", "{mail}", "Mails accepted by the orchestrator");
        _failed = meter.CreateCounter<long>("mcs.email.failed", "{attempt}", "Hand-over attempts that failed and will be retried");
        _rejected = meter.CreateCounter<long>("mcs.email.rejected", "{mail}", "Mails refused permanently (by parsing or by the orchestrator)");
        _reconnects = meter.CreateCounter<long>("mcs.email.idle_reconnects", "{reconnect}", "IMAP sessions re-established after a failure");
        meter.CreateObservableGauge("mcs.email.sync_lag", ObserveLag, "s", "Seconds since the mailbox last completed a sync pass");
    }

    public void Seen(string mailbox) => _seen.Add(1, Tag(mailbox));

    public void Dispatched(string mailbox) => _dispatched.Add(1, Tag(mailbox));

    public void Failed(string mailbox) => _failed.Add(1, Tag(mailbox));

    public void Rejected(string mailbox) => _rejected.Add(1, Tag(mailbox));

    public void Reconnected(string mailbox) => _reconnects.Add(1, Tag(mailbox));

    public void Synced(string mailbox) => _lastSync[mailbox] = _time.GetUtcNow();

    private IEnumerable<Measurement<double>> ObserveLag()
    {
        var now = _time.GetUtcNow();
        return _lastSync.Select(entry => new Measurement<double>((now - entry.Value).TotalSeconds, Tag(entry.Key)));
    }

    private static KeyValuePair<string, object?> Tag(string mailbox) => new("mailbox", mailbox);
}
