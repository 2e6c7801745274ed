using Mcs.Orchestrator.Adapters.Masterdata;
using Mcs.Orchestrator.Graph;

namespace Mcs.Orchestrator.Graphs.SalesEmail.Nodes;

/// <summary>Reads the snapshot for a node; "no snapshot at all" becomes a retryable node failure.</summary>
internal static class MasterdataAccess
{
    public static async Task<MasterdataRead> ReadAsync(IMasterdataReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.GetSnapshotAsync(cancellationToken);
        }
        catch (MasterdataUnavailableException exception)
        {
            throw new NodeFailedException(MasterdataErrorCodes.Unavailable, exception.Message, retryable: true, exception);
        }
    }
}
