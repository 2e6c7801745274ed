using System.Diagnostics;
using Mcs.Orchestrator.Graph;

namespace Mcs.Orchestrator.Graphs.SalesEmail;

/// <summary>Records each attempt's duration of the wrapped node in <see cref="SalesEmailMetrics"/>.</summary>
internal sealed class MeasuredNode(INode<SalesEmailState> inner, SalesEmailMetrics metrics) : INode<SalesEmailState>
{
    public string Name => inner.Name;

    public async Task<NodeResult<SalesEmailState>> ExecuteAsync(SalesEmailState state, NodeContext context, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var result = "error";
        try
        {
            var outcome = await inner.ExecuteAsync(state, context, cancellationToken);
            result = outcome switch
            {
                NodeResult<SalesEmailState>.Interrupt => "interrupt",
                NodeResult<SalesEmailState>.Fail => "fail",
                _ => "ok",
            };
            return outcome;
        }
        finally
        {
            metrics.NodeDuration(inner.Name, Stopwatch.GetElapsedTime(started), result);
        }
    }
}
