using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mcs.Contracts.Orders;
using Mcs.Contracts.Results;

namespace Mcs.Orchestrator.Adapters.Dify;

/// <summary>
/// Turns a workflow's <c>outputs</c> into our records: finds the output variable (object or LLM string), repairs the
/// JSON, normalises numbers, dates and currencies, and validates what the records require.
/// </summary>
public static class DifyOutputParser
{
    public const string ContractVariable = "contract";
    public const string OrderPayloadVariable = "order_payload";

    // Raw output is kept for audit as the LLM wrote it: "¥" stays "¥", not "\u00A5". Never rendered into HTML.
    private static readonly JsonSerializerOptions RawJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static DifyParseResult<DifyContractResult> ParseContract(JsonObject? outputs)
    {
        var (json, raw, error) = FindObject(outputs, ContractVariable);
        if (json is null)
        {
            return DifyParseResult<DifyContractResult>.Fail(error!);
        }
        var fields = new LenientFields();
        string? currencyInText = null;
        void Seen(string currency) => currencyInText ??= currency;

        var lines = new List<ContractLineItem>();
        var items = LenientFields.Array(json, "line_items", "lines", "items", "products") ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not JsonObject line)
            {
                fields.Problems.Add($"line_items[{i}]: not an object");
                continue;
            }
            var quantity = fields.Amount(line, $"line_items[{i}].quantity", true, null, "quantity", "qty");
            var unitPrice = fields.Amount(line, $"line_items[{i}].unit_price", true, Seen, "unit_price", "price");
            var amount = fields.Amount(line, $"line_items[{i}].amount", false, Seen, "amount", "line_total", "total");
            if (quantity is null || unitPrice is null)
            {
                continue;
            }
            lines.Add(new ContractLineItem
            {
                Description = LenientFields.Text(LenientFields.Find(line, "description", "name", "product_name", "product")) ?? "",
                Sku = LenientFields.Text(LenientFields.Find(line, "sku", "product_code")),
                CustomerPartNo = LenientFields.Text(LenientFields.Find(line, "customer_part_no", "part_no", "part_number")),
                Quantity = quantity.Value,
                Unit = LenientFields.Text(LenientFields.Find(line, "unit", "uom")) ?? "",
                UnitPrice = unitPrice.Value,
                Amount = decimal.Round(amount ?? quantity.Value * unitPrice.Value, 2),
            });
        }

        var contractNo = fields.String(json, "contract_no", true, "contract_no", "contract_number", "po_number", "order_no");
        var total = fields.Amount(json, "total_amount", true, Seen, "total_amount", "total", "amount");
        var currencyText = LenientFields.Text(LenientFields.Find(json, "currency"));
        var currency = LlmValueNormalizer.NormalizeCurrency(currencyText) ?? currencyInText;
        if (currency is null)
        {
            fields.Problems.Add(currencyText is null ? "currency: missing" : $"currency: unknown ({currencyText})");
        }
        var result = new DifyContractResult
        {
            ContractNo = contractNo ?? "",
            BuyerName = fields.String(json, "buyer_name", false, "buyer_name", "buyer", "customer_name", "customer") ?? "",
            SellerName = fields.String(json, "seller_name", false, "seller_name", "seller", "supplier_name", "supplier") ?? "",
            SignDate = fields.Date(json, "sign_date", false, "sign_date", "contract_date", "date"),
            Currency = currency ?? "",
            TotalAmount = decimal.Round(total ?? 0, 2),
            DeliveryDate = fields.Date(json, "delivery_date", false, "delivery_date", "requested_delivery_date"),
            PaymentTerms = LenientFields.Text(LenientFields.Find(json, "payment_terms")),
            LineItems = lines,
            Confidence = LenientFields.Double(json, "confidence"),
            RawOutput = raw,
        };
        return fields.Problems.Count > 0
            ? DifyParseResult<DifyContractResult>.Fail("contract output invalid: " + string.Join("; ", fields.Problems))
            : DifyParseResult<DifyContractResult>.Ok(result, fields.Warnings);
    }

    public static DifyParseResult<ErpOrderPayload> ParseOrderPayload(JsonObject? outputs)
    {
        var (json, _, error) = FindObject(outputs, OrderPayloadVariable);
        if (json is null)
        {
            return DifyParseResult<ErpOrderPayload>.Fail(error!);
        }
        var fields = new LenientFields();
        var lines = new List<ErpOrderLine>();
        var items = LenientFields.Array(json, "lines", "line_items", "items") ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not JsonObject line)
            {
                fields.Problems.Add($"lines[{i}]: not an object");
                continue;
            }
            var sku = fields.String(line, $"lines[{i}].sku", true, "sku");
            var quantity = fields.Amount(line, $"lines[{i}].quantity", true, null, "quantity", "qty");
            var unitPrice = fields.Amount(line, $"lines[{i}].unit_price", true, null, "unit_price", "price");
            var amount = fields.Amount(line, $"lines[{i}].amount", false, null, "amount");
            if (sku is null || quantity is null || unitPrice is null)
            {
                continue;
            }
            var lineNo = (int?)fields.Amount(line, $"lines[{i}].line_no", false, null, "line_no") ?? i + 1;
            lines.Add(new ErpOrderLine
            {
                LineNo = lineNo,
                Sku = sku,
                Quantity = quantity.Value,
                Unit = LenientFields.Text(LenientFields.Find(line, "unit", "uom")) ?? "",
                UnitPrice = unitPrice.Value,
                Amount = decimal.Round(amount ?? quantity.Value * unitPrice.Value, 2),
            });
        }
        if (items.Count == 0)
        {
            fields.Problems.Add("lines: missing or empty");
        }
        var orderDate = fields.Date(json, "order_date", true, "order_date", "date");
        var currencyText = fields.String(json, "currency", true, "currency");
        var currency = LlmValueNormalizer.NormalizeCurrency(currencyText);
        if (currencyText is not null && currency is null)
        {
            fields.Problems.Add($"currency: unknown ({currencyText})");
        }
        var total = fields.Amount(json, "total_amount", true, null, "total_amount", "total");
        var payload = new ErpOrderPayload
        {
            // Identity is never taken from the LLM: the caller sets these from the resolved customer, company and key.
            ExternalRef = LenientFields.Text(LenientFields.Find(json, "external_ref")) ?? "",
            CompanyCode = LenientFields.Text(LenientFields.Find(json, "company_code")) ?? "",
            CustomerNum = LenientFields.Text(LenientFields.Find(json, "customer_num")) ?? "",
            OrderDate = orderDate ?? default,
            Currency = currency ?? "",
            ContractNo = fields.String(json, "contract_no", false, "contract_no") ?? "",
            RequestedDeliveryDate = fields.Date(json, "requested_delivery_date", false, "requested_delivery_date", "delivery_date"),
            PaymentTerms = LenientFields.Text(LenientFields.Find(json, "payment_terms")),
            Lines = lines,
            TotalAmount = decimal.Round(total ?? 0, 2),
        };
        return fields.Problems.Count > 0
            ? DifyParseResult<ErpOrderPayload>.Fail("order_payload output invalid: " + string.Join("; ", fields.Problems))
            : DifyParseResult<ErpOrderPayload>.Ok(payload, fields.Warnings);
    }

    /// <summary>The output variable as an object: itself, or parsed from the string an LLM wrote; else why not.</summary>
    private static (JsonObject? Json, string Raw, string? Error) FindObject(JsonObject? outputs, string variable)
    {
        if (outputs is null || outputs.Count == 0)
        {
            return (null, "", "empty_output: the run succeeded with no outputs");
        }
        // Our DSL names the variable; a workflow edited by hand may still have the default single "text" output.
        var node = outputs[variable] ?? (outputs.Count == 1 ? outputs.First().Value : null);
        switch (node)
        {
            case JsonObject obj:
                return (obj, obj.ToJsonString(RawJson), null);
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var text = value.GetValue<string>();
                if (string.IsNullOrWhiteSpace(text))
                {
                    return (null, text, $"empty_output: '{variable}' is empty");
                }
                var repaired = JsonRepair.ParseObject(text);
                return repaired is null ? (null, text, $"unparseable_output: no JSON object in '{variable}'") : (repaired, text, null);
            default:
                return (null, node?.ToJsonString() ?? "", $"empty_output: no '{variable}' output");
        }
    }
}
