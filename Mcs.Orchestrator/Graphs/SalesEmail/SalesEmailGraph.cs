using Mcs.Orchestrator.Graph;
using N = Mcs.Orchestrator.Graphs.SalesEmail.SalesEmailNodeNames;

namespace Mcs.Orchestrator.Graphs.SalesEmail;

/// <summary>
/// The sales-email graph, version 1: the ONE place where the order of the nodes and their conditional edges is
/// written (architecture.md, "Data flow" and "The nodes").
/// </summary>
public static class SalesEmailGraph
{
    public const string Name = "sales-email";
    public const int Version = 1;

    public static CompiledGraph<SalesEmailState> Build(SalesEmailNodes nodes, SalesEmailMetrics metrics, RetryPolicy? externalCallRetry = null)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        INode<SalesEmailState> M(INode<SalesEmailState> node) => new MeasuredNode(node, metrics);
        // Dify and ERP clients retry transient errors inside one attempt; the node retries cover longer outages.
        var external = externalCallRetry ?? RetryPolicy.Default;
        return new GraphBuilder<SalesEmailState>(Name, Version, "Turns a sales email with a contract PDF into an ERP order")
            .Node(M(nodes.CheckIdempotency))
            .Node(M(nodes.LoadMasterdata))
            .Node(M(nodes.MatchContact))
            .Node(M(nodes.DetectContractSignal))
            .Node(M(nodes.MatchCustomer))
            .Node(M(nodes.UploadPdf), external)
            .Node(M(nodes.CallDifyContract), external)
            .Node(M(nodes.ResolveCustomerFromContract))
            .Node(M(nodes.CallDifyOrderPayload), external)
            .Node(M(nodes.ValidateOrder))
            .Node(M(nodes.Review))
            .Node(M(nodes.ApplyReview), RetryPolicy.None)
            .Node(M(nodes.CallErpGateway), external)
            .Node(M(nodes.NotifySales))
            .Node(M(nodes.Finalize))
            .Start(N.CheckIdempotency)
            .Route(N.CheckIdempotency, s => s.DuplicateOf is null ? N.LoadMasterdata : N.Finalize, N.LoadMasterdata, N.Finalize)
            .Edge(N.LoadMasterdata, N.MatchContact)
            .Edge(N.MatchContact, N.DetectContractSignal)
            .Route(N.DetectContractSignal, s => s.Signal?.HasSignal == true ? N.MatchCustomer : N.Finalize, N.MatchCustomer, N.Finalize)
            // A scan is never sent to Dify: straight to call_dify_contract, which routes it to review (no_text_layer).
            .Route(N.MatchCustomer, s => s.Pdf?.HasTextLayer == true ? N.UploadPdf : N.CallDifyContract, N.UploadPdf, N.CallDifyContract)
            .Edge(N.UploadPdf, N.CallDifyContract)
            .Route(N.CallDifyContract, s => s.Contract is null ? N.Review : N.ResolveCustomerFromContract, N.Review, N.ResolveCustomerFromContract)
            .Route(N.ResolveCustomerFromContract, s => s.Customer is { Matched: true } && s.Company is not null ? N.CallDifyOrderPayload : N.ValidateOrder,
                N.CallDifyOrderPayload, N.ValidateOrder)
            .Edge(N.CallDifyOrderPayload, N.ValidateOrder)
            .Route(N.ValidateOrder, s => s.ReviewReasons.Count > 0 ? N.Review : N.CallErpGateway, N.Review, N.CallErpGateway)
            .Edge(N.Review, N.ApplyReview)
            .Route(N.ApplyReview, s => s.Outcome == SalesEmailOutcomes.Rejected ? N.Finalize : s.ReviewAgain ? N.Review : N.CallErpGateway,
                N.Finalize, N.Review, N.CallErpGateway)
            .Edge(N.CallErpGateway, N.NotifySales)
            .Edge(N.NotifySales, N.Finalize)
            .Edge(N.Finalize, GraphNames.End)
            // A final failure of an external call ends the run 'failed' with the salesperson told, not silently.
            .OnFailure(N.UploadPdf, N.NotifySales)
            .OnFailure(N.CallDifyContract, N.NotifySales)
            .OnFailure(N.CallDifyOrderPayload, N.NotifySales)
            .OnFailure(N.CallErpGateway, N.NotifySales)
            .Audit(new SalesEmailAuditProjection())
            .Outcome(s => s.Outcome)
            .StateSchema(SalesEmailState.CurrentSchemaVersion)
            .Build();
    }
}
