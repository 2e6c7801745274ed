using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mcs.Mocks.Dify.Extraction;

/// <summary>
/// The order app without an LLM: contract + customer + company + candidate products (JSON strings, as the workflow's
/// inputs carry them) → an <c>ErpOrderPayload</c>-shaped object. Each line's sku is resolved through the candidates
/// (sku, then the customer's part number, then name or alias); an unresolved line keeps what the contract said so the
/// orchestrator's validation sees it. <c>external_ref</c> is left empty: MCS sets it.
/// </summary>
public static class OrderPayloadMapper
{
    /// <exception cref="JsonException">An input is not JSON (the workflow's code node fails the run).</exception>
    public static JsonObject Map(string contractJson, string customerJson, string companyJson, string candidatesJson, DateOnly today)
    {
        var contract = JsonNode.Parse(contractJson) as JsonObject ?? throw new JsonException("contract is not a JSON object");
        var customer = JsonNode.Parse(customerJson) as JsonObject ?? throw new JsonException("customer is not a JSON object");
        var company = JsonNode.Parse(companyJson) as JsonObject ?? throw new JsonException("company is not a JSON object");
        var candidates = (JsonNode.Parse(candidatesJson) as JsonArray ?? throw new JsonException("candidate_products is not a JSON array"))
            .OfType<JsonObject>().ToList();
        var customerId = Text(customer["customer_id"]);
        var lines = new JsonArray();
        var total = 0m;
        var lineNo = 0;
        foreach (var item in (contract["line_items"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var product = FindProduct(item, candidates, customerId);
            var quantity = Number(item["quantity"]) ?? 0m;
            var unitPrice = Number(item["unit_price"]) ?? Number(product?["unit_price"]) ?? 0m;
            var amount = Number(item["amount"]) ?? decimal.Round(quantity * unitPrice, 2);
            total += amount;
            lines.Add(new JsonObject
            {
                ["line_no"] = ++lineNo,
                ["sku"] = Text(product?["sku"]) ?? Text(item["sku"]) ?? Text(item["customer_part_no"]) ?? "",
                ["quantity"] = quantity,
                ["unit"] = Text(item["unit"]) ?? Text(product?["unit"]) ?? "",
                ["unit_price"] = unitPrice,
                ["amount"] = amount,
            });
        }
        return new JsonObject
        {
            ["external_ref"] = "",
            ["company_code"] = Text(company["code"]) ?? "",
            ["customer_num"] = Text(customer["customer_num"]) ?? "",
            ["order_date"] = Text(contract["sign_date"]) ?? today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["currency"] = Text(contract["currency"]) ?? Text(customer["currency"]) ?? "",
            ["contract_no"] = Text(contract["contract_no"]) ?? "",
            ["requested_delivery_date"] = Text(contract["delivery_date"]),
            ["payment_terms"] = Text(contract["payment_terms"]) ?? Text(customer["payment_terms"]),
            ["lines"] = lines,
            ["total_amount"] = Number(contract["total_amount"]) ?? total,
        };
    }

    private static JsonObject? FindProduct(JsonObject item, List<JsonObject> candidates, string? customerId)
    {
        var sku = Text(item["sku"]);
        var partNo = Text(item["customer_part_no"]);
        var description = Text(item["description"]);
        return candidates.FirstOrDefault(p => Same(Text(p["sku"]), sku))
            ?? candidates.FirstOrDefault(p => (p["customer_part_numbers"] as JsonArray ?? []).OfType<JsonObject>().Any(cpn =>
                (customerId is null || Text(cpn["customer_id"]) == customerId) && (Same(Text(cpn["part_no"]), partNo) || Same(Text(cpn["part_no"]), sku))))
            ?? candidates.FirstOrDefault(p => Same(Text(p["name"]), description)
                || (p["aliases"] as JsonArray ?? []).Any(alias => Same(Text(alias), description)));
    }

    private static bool Same(string? a, string? b) =>
        a is not null && b is not null && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    private static string? Text(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => string.IsNullOrWhiteSpace(text) ? null : text,
        JsonValue value => value.ToJsonString(),
        _ => null,
    };

    private static decimal? Number(JsonNode? node) => node switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => value.GetValue<decimal>(),
        JsonValue value when value.TryGetValue<string>(out var text) => TextValues.ParseNumber(text),
        _ => null,
    };
}
