namespace Mcs.Orchestrator.Graphs.SalesEmail;

/// <summary>Stable node ids (stored in checkpoints: never rename one a run may still be at).</summary>
public static class SalesEmailNodeNames
{
    public const string CheckIdempotency = "check_idempotency";
    public const string LoadMasterdata = "load_masterdata";
    public const string MatchContact = "match_contact";
    public const string DetectContractSignal = "detect_contract_signal";
    public const string MatchCustomer = "match_customer";
    public const string UploadPdf = "upload_pdf";
    public const string CallDifyContract = "call_dify_contract";
    public const string ResolveCustomerFromContract = "resolve_customer_from_contract";
    public const string CallDifyOrderPayload = "call_dify_order_payload";
    public const string ValidateOrder = "validate_order";
    public const string Review = "review";
    public const string ApplyReview = "apply_review";
    public const string CallErpGateway = "call_erp_gateway";
    public const string NotifySales = "notify_sales";
    public const string Finalize = "finalize";
}
