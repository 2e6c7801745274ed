namespace Mcs.Orchestrator.Adapters.Dify;

/// <summary>Inputs of the contract app (architecture.md, node 9): strings plus the single file <c>contract_pdf</c>.</summary>
public sealed record DifyContractInputs
{
    public required DifyFileInput ContractPdf { get; init; }
    public string EmailSubject { get; init; } = "";
    public string EmailBody { get; init; } = "";
    public string Sender { get; init; } = "";

    /// <summary>What match_customer found (resolved customer or candidates), as text or JSON.</summary>
    public string CustomerHint { get; init; } = "";

    /// <summary>SHA-256 of the PDF, for logs and audit only (Dify does not receive it).</summary>
    public string? PdfSha256 { get; init; }
}
