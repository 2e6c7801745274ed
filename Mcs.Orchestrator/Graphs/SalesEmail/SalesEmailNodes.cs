using Mcs.Orchestrator.Graphs.SalesEmail.Nodes;

namespace Mcs.Orchestrator.Graphs.SalesEmail;

/// <summary>The nodes of <see cref="SalesEmailGraph"/>, resolved from the container (or built by hand in tests).</summary>
public sealed record SalesEmailNodes(
    CheckIdempotencyNode CheckIdempotency,
    LoadMasterdataNode LoadMasterdata,
    MatchContactNode MatchContact,
    DetectContractSignalNode DetectContractSignal,
    MatchCustomerNode MatchCustomer,
    UploadPdfNode UploadPdf,
    CallDifyContractNode CallDifyContract,
    ResolveCustomerFromContractNode ResolveCustomerFromContract,
    CallDifyOrderPayloadNode CallDifyOrderPayload,
    ValidateOrderNode ValidateOrder,
    ReviewNode Review,
    ApplyReviewNode ApplyReview,
    CallErpGatewayNode CallErpGateway,
    NotifySalesNode NotifySales,
    FinalizeNode Finalize);
