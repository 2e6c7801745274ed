using System.Diagnostics.Metrics;

namespace Mcs.Orchestrator.Graphs.SalesEmail;

/// <summary>
/// Meter "Mcs.Orchestrator": runs by final status, touchless rate (as two counters: succeeded without review, and
/// runs that had a contract; rate = touchless ÷ with_contract), node durations, Dify/ERP latency, review wait time.
/// </summary>
public sealed class SalesEmailMetrics
{
    public const string MeterName = "Mcs.Orchestrator";

    private readonly Counter<long> _runsFinished;
    private readonly Counter<long> _runsWithContract;
    private readonly Counter<long> _runsTouchless;
    private readonly Histogram<double> _nodeDuration;
    private readonly Histogram<double> _difyLatency;
    private readonly Histogram<double> _erpLatency;
    private readonly Histogram<double> _reviewWait;

    public SalesEmailMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _runsFinished = meter.CreateCounter<long>("mcs.orchestrator.runs.finished", "{run}", "Finished sales-email runs by final status.");
        _runsWithContract = meter.CreateCounter<long>("mcs.orchestrator.runs.with_contract", "{run}", "Finished runs whose mail carried a contract.");
        _runsTouchless = meter.CreateCounter<long>("mcs.orchestrator.runs.touchless", "{run}", "Runs that created an order without review.");
        _nodeDuration = meter.CreateHistogram<double>("mcs.orchestrator.node.duration", "ms", "Duration of a sales-email node attempt.");
        _difyLatency = meter.CreateHistogram<double>("mcs.orchestrator.dify.latency", "ms", "Latency of Dify calls by workflow.");
        _erpLatency = meter.CreateHistogram<double>("mcs.orchestrator.erp.latency", "ms", "Latency of ERP order creation.");
        _reviewWait = meter.CreateHistogram<double>("mcs.orchestrator.review.wait", "s", "Time a run waited for a review decision.");
    }

    public void RunFinished(SalesEmailState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        _runsFinished.Add(1, new KeyValuePair<string, object?>("status", state.Outcome ?? SalesEmailOutcomes.Failed));
        if (state.Signal?.HasSignal == true)
        {
            _runsWithContract.Add(1);
            if (state.Outcome == SalesEmailOutcomes.Succeeded && state.Review is null)
            {
                _runsTouchless.Add(1);
            }
        }
    }

    public void NodeDuration(string node, TimeSpan elapsed, string result) =>
        _nodeDuration.Record(elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("node", node), new KeyValuePair<string, object?>("result", result));

    public void DifyLatency(string workflow, TimeSpan elapsed, bool succeeded) =>
        _difyLatency.Record(elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("workflow", workflow), new KeyValuePair<string, object?>("succeeded", succeeded));

    public void ErpLatency(TimeSpan elapsed, bool succeeded) =>
        _erpLatency.Record(elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("succeeded", succeeded));

    public void ReviewWait(TimeSpan waited, string decision) =>
        _reviewWait.Record(waited.TotalSeconds, new KeyValuePair<string, object?>("decision", decision));
}
