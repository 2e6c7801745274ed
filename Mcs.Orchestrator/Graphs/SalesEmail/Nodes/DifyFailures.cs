using Mcs.Orchestrator.Adapters.Dify;
using Mcs.Orchestrator.Graph;

namespace Mcs.Orchestrator.Graphs.SalesEmail.Nodes;

internal static class DifyFailures
{
    /// <summary>The client already retried transient errors; its verdict on retryability carries over to the node.</summary>
    public static NodeFailedException ToException(DifyFailure failure) =>
        new(failure.Code, failure.Message, failure.Retryable);
}
