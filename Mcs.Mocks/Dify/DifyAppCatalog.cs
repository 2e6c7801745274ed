using Microsoft.Extensions.Options;

namespace Mcs.Mocks.Dify;

/// <summary>The two apps, told apart by the app key a caller presents (one key = one app, as in Dify).</summary>
public sealed class DifyAppCatalog
{
    public DifyAppCatalog(IOptions<MocksOptions> options)
    {
        var settings = options.Value;
        Contract = new DifyApp(
            DifyWorkflows.Contract,
            settings.DifyContractKey,
            "MCS contract extraction",
            "Extracts contract number, parties, dates, currency, totals and line items from a sales-contract PDF.",
            "5b0f2a3c-7d41-4c1e-9a6b-0c11a0c7e001",
            "contract",
            [
                new DifyVariable("email_subject", "Email subject", DifyVariable.Paragraph, false, 2_000),
                new DifyVariable("email_body", "Email body", DifyVariable.Paragraph, false, 100_000),
                new DifyVariable("sender", "Sender", DifyVariable.TextInput, false, 512),
                new DifyVariable("customer_hint", "Customer hint", DifyVariable.Paragraph, false, 20_000),
                new DifyVariable("contract_pdf", "Contract PDF", DifyVariable.File, true),
            ],
            [
                new DifyNode("1711000000001", "start", "Start"),
                new DifyNode("1711000000002", "document-extractor", "Read PDF"),
                new DifyNode("1711000000003", "llm", "Extract contract"),
                new DifyNode("1711000000004", "code", "Parse JSON"),
                new DifyNode("1711000000005", "end", "End"),
            ]);
        OrderPayload = new DifyApp(
            DifyWorkflows.OrderPayload,
            settings.DifyOrderKey,
            "MCS order payload",
            "Maps an extracted contract, the resolved customer and company and candidate products to an ERP order payload.",
            "5b0f2a3c-7d41-4c1e-9a6b-0c11a0c7e002",
            "order_payload",
            [
                new DifyVariable("contract", "Contract (JSON)", DifyVariable.Paragraph, true, 200_000),
                new DifyVariable("customer", "Customer (JSON)", DifyVariable.Paragraph, true, 50_000),
                new DifyVariable("company", "Company (JSON)", DifyVariable.Paragraph, true, 50_000),
                new DifyVariable("candidate_products", "Candidate products (JSON array)", DifyVariable.Paragraph, true, 500_000),
            ],
            [
                new DifyNode("1712000000001", "start", "Start"),
                new DifyNode("1712000000002", "llm", "Map to order"),
                new DifyNode("1712000000003", "code", "Parse JSON"),
                new DifyNode("1712000000004", "end", "End"),
            ]);
    }

    public DifyApp Contract { get; }

    public DifyApp OrderPayload { get; }

    public DifyApp? FindByKey(string key) =>
        string.Equals(key, Contract.ApiKey, StringComparison.Ordinal) ? Contract
        : string.Equals(key, OrderPayload.ApiKey, StringComparison.Ordinal) ? OrderPayload
        : null;

    public DifyApp ByWorkflow(string workflow) => workflow == DifyWorkflows.Contract ? Contract : OrderPayload;
}
