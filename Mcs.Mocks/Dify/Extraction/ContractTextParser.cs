using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Mcs.Mocks.Dify.Extraction;

/// <summary>
/// Reads a contract's text lines (as <see cref="PdfTextReader"/> gives them) into the <c>contract</c> output of the
/// contract app: "label: value" cells and one line-item table (README.md, "Text layout the extractor understands").
/// </summary>
public static partial class ContractTextParser
{
    private static readonly string[] ScalarFields =
        ["contract_no", "buyer_name", "seller_name", "sign_date", "currency", "total_amount", "delivery_date", "payment_terms"];

    public static JsonObject Parse(IReadOnlyList<string> lines)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        var items = new JsonArray();
        string[]? header = null;
        IReadOnlyList<string>? pendingLabels = null;
        foreach (var line in lines)
        {
            var cells = SplitCells(line);
            if (cells.Count == 0)
            {
                continue;
            }
            if (header is not null)
            {
                if (cells.Count == header.Length && TryReadRow(header, cells) is { } row)
                {
                    items.Add(row);
                    continue;
                }
                if (!cells.Any(cell => cell.Contains(':')) && ContractVocabulary.Find(ContractVocabulary.Labels, cells[0]) is null)
                {
                    continue; // a wrapped description, a section heading or a subtotal inside the table
                }
                header = null;
            }
            if (pendingLabels is not null && pendingLabels.Count == cells.Count)
            {
                // "Invoice Date:  Due Date:" on one line, the values under them on the next.
                for (var i = 0; i < cells.Count; i++)
                {
                    ReadLabels([pendingLabels[i] + cells[i]], found);
                }
                pendingLabels = null;
                continue;
            }
            pendingLabels = cells.Count > 1 && cells.All(cell => cell.EndsWith(':')) ? cells : null;
            if (pendingLabels is not null)
            {
                continue;
            }
            if (items.Count == 0 && TryReadHeader(cells) is { } columns)
            {
                header = columns;
                continue;
            }
            ReadLabels(cells, found);
        }
        return Build(found, items, string.Join('\n', lines));
    }

    public static IReadOnlyList<string> SplitCells(string line) =>
        CellSeparator().Split(TextValues.ToHalfWidth(line).Trim())
            .Select(cell => cell.Trim())
            .Where(cell => cell.Length > 0)
            .ToList();

    private static void ReadLabels(IReadOnlyList<string> cells, Dictionary<string, string> found)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            var colon = cell.IndexOfAny([':', '：']);
            var label = colon >= 0 ? cell[..colon] : cell;
            var field = ContractVocabulary.Find(ContractVocabulary.Labels, label);
            if (field is null)
            {
                continue;
            }
            var value = colon >= 0 ? cell[(colon + 1)..].Trim() : "";
            // "Total   1,250.00" without a colon, or "Buyer:" with its value in the next column: take the next cell.
            var takesNextCell = colon >= 0 || field == "total_amount";
            if (value.Length == 0 && takesNextCell && i + 1 < cells.Count && ContractVocabulary.Find(ContractVocabulary.Labels, LabelPart(cells[i + 1])) is null)
            {
                value = cells[++i];
            }
            else if (colon < 0 && field != "total_amount")
            {
                continue;
            }
            if (value.Length > 0)
            {
                found.TryAdd(field, value);
            }
        }
    }

    private static string LabelPart(string cell)
    {
        var colon = cell.IndexOfAny([':', '：']);
        return colon >= 0 ? cell[..colon] : cell;
    }

    private static string[]? TryReadHeader(IReadOnlyList<string> cells)
    {
        if (cells.Any(cell => cell.Contains(':')))
        {
            return null;
        }
        var columns = cells.Select(cell => ContractVocabulary.Find(ContractVocabulary.Columns, cell) ?? "").ToArray();
        var known = columns.Count(column => column.Length > 0);
        return known >= 3 && columns.Contains("quantity") && (columns.Contains("unit_price") || columns.Contains("amount")) ? columns : null;
    }

    private static JsonObject? TryReadRow(string[] header, IReadOnlyList<string> cells)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            if (header[i].Length > 0 && cells[i] != "-")
            {
                values[header[i]] = cells[i];
            }
        }
        var (quantity, unitFromQuantity) = TextValues.SplitQuantity(values.GetValueOrDefault("quantity") ?? "");
        if (quantity is null)
        {
            return null;
        }
        var unitPrice = TextValues.ParseNumber(values.GetValueOrDefault("unit_price"));
        var amount = TextValues.ParseNumber(values.GetValueOrDefault("amount")) ?? (unitPrice is { } price ? decimal.Round(price * quantity.Value, 2) : null);
        var sku = values.GetValueOrDefault("sku");
        return new JsonObject
        {
            ["description"] = values.GetValueOrDefault("description") ?? sku ?? "",
            ["sku"] = sku,
            ["customer_part_no"] = values.GetValueOrDefault("customer_part_no"),
            ["quantity"] = quantity,
            ["unit"] = values.GetValueOrDefault("unit") ?? unitFromQuantity,
            ["unit_price"] = unitPrice,
            ["amount"] = amount,
        };
    }

    private static JsonObject Build(Dictionary<string, string> found, JsonArray items, string fullText)
    {
        var total = TextValues.ParseNumber(found.GetValueOrDefault("total_amount"));
        if (total is null && items.Count > 0)
        {
            total = items.Sum(item => item?["amount"]?.GetValue<decimal>() ?? 0m);
        }
        var currency = found.TryGetValue("currency", out var currencyText)
            ? TextValues.ParseCurrency(currencyText) ?? currencyText
            : TextValues.ParseCurrency(found.GetValueOrDefault("total_amount")) ?? InferCurrency(fullText);
        var contract = new JsonObject
        {
            ["contract_no"] = found.GetValueOrDefault("contract_no"),
            ["buyer_name"] = found.GetValueOrDefault("buyer_name"),
            ["seller_name"] = found.GetValueOrDefault("seller_name"),
            ["sign_date"] = DateOrRaw(found.GetValueOrDefault("sign_date")),
            ["currency"] = currency,
            ["total_amount"] = total is { } t ? JsonValue.Create(t) : found.GetValueOrDefault("total_amount"),
            ["delivery_date"] = DateOrRaw(found.GetValueOrDefault("delivery_date")),
            ["payment_terms"] = found.GetValueOrDefault("payment_terms"),
            ["line_items"] = items,
        };
        var present = ScalarFields.Count(field => contract[field] is not null) + (items.Count > 0 ? 1 : 0);
        contract["confidence"] = Math.Round((double)present / (ScalarFields.Length + 1), 2);
        return contract;
    }

    private static string? DateOrRaw(string? text) => text is null ? null : TextValues.ParseDate(text) ?? text;

    private static string? InferCurrency(string text)
    {
        foreach (var (marker, code) in new[] { ("人民币", "CNY"), ("RMB", "CNY"), ("CNY", "CNY"), ("¥", "CNY"), ("￥", "CNY"), ("USD", "USD"), ("US$", "USD"), ("EUR", "EUR"), ("€", "EUR") })
        {
            if (text.Contains(marker, StringComparison.Ordinal))
            {
                return code;
            }
        }
        return null;
    }

    [GeneratedRegex(@"\s{2,}|\t|\s*\|\s*")]
    private static partial Regex CellSeparator();
}
