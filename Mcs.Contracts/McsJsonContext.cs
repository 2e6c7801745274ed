using System.Text.Json;
using System.Text.Json.Serialization;
using Mcs.Contracts.Email;
using Mcs.Contracts.Health;
using Mcs.Contracts.MasterData;
using Mcs.Contracts.Orders;
using Mcs.Contracts.Results;
using Mcs.Contracts.Runs;

namespace Mcs.Contracts;

/// <summary>
/// The one wire format of every service: snake_case names, enums as snake_case strings, required members enforced,
/// nullable annotations respected, and no reflection at run time.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    NumberHandling = JsonNumberHandling.Strict,
    AllowTrailingCommas = false,
    ReadCommentHandling = JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(EmailEvent))]
[JsonSerializable(typeof(MasterDataSnapshot))]
[JsonSerializable(typeof(MasterDataVersion))]
[JsonSerializable(typeof(BulkChange))]
[JsonSerializable(typeof(Company))]
[JsonSerializable(typeof(Customer))]
[JsonSerializable(typeof(Contact))]
[JsonSerializable(typeof(Product))]
[JsonSerializable(typeof(PagedList<Company>))]
[JsonSerializable(typeof(PagedList<Customer>))]
[JsonSerializable(typeof(PagedList<Contact>))]
[JsonSerializable(typeof(PagedList<Product>))]
[JsonSerializable(typeof(ContactMatchResult))]
[JsonSerializable(typeof(ContractSignalResult))]
[JsonSerializable(typeof(CustomerMatchResult))]
[JsonSerializable(typeof(DifyContractResult))]
[JsonSerializable(typeof(ErpOrderPayload))]
[JsonSerializable(typeof(ErpOrderResult))]
[JsonSerializable(typeof(ErpOrderCreated))]
[JsonSerializable(typeof(OrchestratorRunResult))]
[JsonSerializable(typeof(PagedList<OrchestratorRunResult>))]
[JsonSerializable(typeof(AuditEvent))]
[JsonSerializable(typeof(PagedList<AuditEvent>))]
[JsonSerializable(typeof(ReviewRequest))]
[JsonSerializable(typeof(ReplayRequest))]
[JsonSerializable(typeof(RunAccepted))]
[JsonSerializable(typeof(HealthReportDto))]
public sealed partial class McsJsonContext : JsonSerializerContext;
