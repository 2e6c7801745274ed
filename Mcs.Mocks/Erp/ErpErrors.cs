using System.Text.Json.Nodes;
using Mcs.Contracts.Orders;

namespace Mcs.Mocks.Erp;

/// <summary>
/// The ERP gateway's own error JSON (docs/erp-gateway.md): <c>{"code","message"}</c>, plus <c>errors</c> (field →
/// messages) on 422 and the existing order's fields on 409.
/// </summary>
public static class ErpErrors
{
    public static IResult Error(int status, string code, string message, IDictionary<string, string[]>? errors = null)
    {
        var body = new JsonObject { ["code"] = code, ["message"] = message };
        if (errors is not null)
        {
            var fields = new JsonObject();
            foreach (var (field, messages) in errors)
            {
                fields[field] = new JsonArray([.. messages.Select(m => (JsonNode?)m)]);
            }
            body["errors"] = fields;
        }
        return TypedResults.Text(body.ToJsonString(), "application/json", statusCode: status);
    }

    public static IResult Conflict(ErpOrderCreated existing) => TypedResults.Text(new JsonObject
    {
        ["code"] = "duplicate_external_ref",
        ["message"] = $"An order for external_ref '{existing.ExternalRef}' already exists under another Idempotency-Key.",
        ["order_id"] = existing.OrderId,
        ["order_no"] = existing.OrderNo,
        ["external_ref"] = existing.ExternalRef,
    }.ToJsonString(), "application/json", statusCode: StatusCodes.Status409Conflict);
}
