using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mcs.Contracts;
using Mcs.Contracts.Orders;
using Mcs.Contracts.Results;
using Mcs.Orchestrator.Graph;
using Mcs.ServiceDefaults;
using N = Mcs.Orchestrator.Graphs.SalesEmail.SalesEmailNodeNames;

namespace Mcs.Orchestrator.Graphs.SalesEmail;

/// <summary>
/// The plan's <c>@audit_decorator</c>: per node attempt the engine stores an input digest and this node's output,
/// redacted here (addresses masked, mail text and the LLM's raw output left out, free text the LLM or the sender
/// wrote — payment terms, line descriptions, file names, error messages — passed through the redactor). Ids and
/// codes are left alone on purpose: the phone pattern would mangle a GUID that starts with eight digits. Duration,
/// attempt and error are written by the engine.
/// </summary>
public sealed class SalesEmailAuditProjection : IAuditProjection<SalesEmailState>
{
    public string? InputDigest(string node, SalesEmailState input) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(input, McsJson.Options))))[..16];

    public JsonNode? Output(string node, SalesEmailState input, SalesEmailState output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var data = node switch
        {
            N.CheckIdempotency => new JsonObject { ["duplicate_of"] = output.DuplicateOf },
            N.LoadMasterdata => new JsonObject { ["masterdata_version"] = output.MasterdataVersion, ["warnings"] = ToNode(output.Warnings) },
            N.MatchContact => new JsonObject
            {
                ["effective_sender"] = PersonalDataRedactor.Email(output.EffectiveSender),
                ["internal_sender"] = output.IsInternalSender,
                ["contact"] = ToNode(output.Contact),
            },
            N.DetectContractSignal => new JsonObject
            {
                ["signal"] = ToNode(output.Signal is { } signal ? signal with { Reasons = RedactAll(signal.Reasons) } : null),
                ["pdf"] = ToNode(output.Pdf is { } pdf ? pdf with { Filename = PersonalDataRedactor.Redact(pdf.Filename) } : null),
            },
            N.MatchCustomer or N.ResolveCustomerFromContract => new JsonObject
            {
                ["customer"] = ToNode(output.Customer),
                ["company_code"] = output.Company?.Code,
            },
            N.UploadPdf => new JsonObject { ["dify_upload_file_id"] = output.DifyUploadFileId, ["remote_url"] = output.DifyFileUrl is not null },
            N.CallDifyContract => output.Contract is null
                ? new JsonObject { ["review_reasons"] = ToNode(output.ReviewReasons) }
                : new JsonObject { ["contract"] = ToNode(RedactContract(output.Contract)) },
            N.CallDifyOrderPayload => new JsonObject { ["order_payload"] = ToNode(RedactPayload(output.OrderPayload)) },
            N.ValidateOrder => new JsonObject { ["review_reasons"] = ToNode(output.ReviewReasons), ["line_mappings"] = ToNode(output.LineMappings) },
            N.Review => new JsonObject { ["review_reasons"] = ToNode(output.ReviewReasons), ["notification"] = ToNode(output.Notification) },
            N.ApplyReview => new JsonObject { ["review"] = ToNode(output.Review), ["reject_reason"] = PersonalDataRedactor.Redact(output.RejectReason) },
            N.CallErpGateway => new JsonObject { ["erp_order"] = ToNode(output.ErpOrder), ["external_ref"] = output.OrderPayload?.ExternalRef },
            N.NotifySales => new JsonObject
            {
                ["notification"] = ToNode(output.Notification),
                ["errors"] = ToNode(output.Errors.Select(e => e with { Message = PersonalDataRedactor.Redact(e.Message) }).ToArray()),
            },
            N.Finalize => new JsonObject { ["outcome"] = output.Outcome },
            _ => null,
        };
        return data;
    }

    private static DifyContractResult RedactContract(DifyContractResult contract) => contract with
    {
        RawOutput = "",
        PaymentTerms = contract.PaymentTerms is null ? null : PersonalDataRedactor.Redact(contract.PaymentTerms),
        LineItems = contract.LineItems.Select(l => l with { Description = PersonalDataRedactor.Redact(l.Description) }).ToArray(),
    };

    private static ErpOrderPayload? RedactPayload(ErpOrderPayload? payload) => payload is null ? null : payload with
    {
        PaymentTerms = payload.PaymentTerms is null ? null : PersonalDataRedactor.Redact(payload.PaymentTerms),
    };

    private static string[] RedactAll(IEnumerable<string> texts) => texts.Select(PersonalDataRedactor.Redact).ToArray();

    private static JsonNode? ToNode<T>(T value) => value is null ? null : JsonSerializer.SerializeToNode(value, McsJson.Options);
}
