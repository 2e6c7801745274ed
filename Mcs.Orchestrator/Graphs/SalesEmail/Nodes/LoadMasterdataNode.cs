using Mcs.Orchestrator.Adapters.Masterdata;
using Mcs.Orchestrator.Graph;

namespace Mcs.Orchestrator.Graphs.SalesEmail.Nodes;

/// <summary>
/// Pins the master-data version the run decides on. A stale snapshot (service down) is used with a warning; no
/// snapshot at all is a retryable failure.
/// </summary>
public sealed class LoadMasterdataNode(IMasterdataReader reader) : INode<SalesEmailState>
{
    public const string StaleWarning = "masterdata_stale";

    public string Name => SalesEmailNodeNames.LoadMasterdata;

    public async Task<NodeResult<SalesEmailState>> ExecuteAsync(SalesEmailState state, NodeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var read = await MasterdataAccess.ReadAsync(reader, cancellationToken);
        var next = state with { MasterdataVersion = read.Snapshot.Version };
        return NodeResult.Continue(read.IsStale ? next.AddWarning(StaleWarning) : next);
    }
}
