using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mcs.Orchestrator.Adapters.Dify;

/// <summary>
/// Reads fields of LLM-written JSON by any of several names, accepting numbers as strings and strings as numbers;
/// records what it could not read in <see cref="Problems"/> (fatal) and <see cref="Warnings"/>.
/// </summary>
internal sealed class LenientFields
{
    public List<string> Problems { get; } = [];
    public List<string> Warnings { get; } = [];

    public static JsonNode? Find(JsonObject source, params string[] names)
    {
        foreach (var name in names)
        {
            if (source.TryGetPropertyValue(name, out var node) && node is not null)
            {
                return node;
            }
        }
        return null;
    }

    public static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>().Trim(),
        JsonValue value when value.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.ToJsonString(),
        JsonObject obj => Text(Find(obj, "name", "value")),
        _ => null,
    };

    public string? String(JsonObject source, string field, bool required, params string[] names)
    {
        var text = Text(Find(source, names));
        if (string.IsNullOrWhiteSpace(text))
        {
            (required ? Problems : Warnings).Add($"{field}: missing");
            return null;
        }
        return text;
    }

    public decimal? Amount(JsonObject source, string field, bool required, Action<string>? currencySeen, params string[] names)
    {
        var node = Find(source, names);
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number)
        {
            return decimal.Round(value.GetValue<decimal>(), 4);
        }
        var text = Text(node);
        if (string.IsNullOrWhiteSpace(text))
        {
            (required ? Problems : Warnings).Add($"{field}: missing");
            return null;
        }
        if (!LlmValueNormalizer.TryParseAmount(text, out var amount, out var currency))
        {
            (required ? Problems : Warnings).Add($"{field}: not a number ({text})");
            return null;
        }
        if (currency is not null)
        {
            currencySeen?.Invoke(currency);
        }
        return amount;
    }

    public DateOnly? Date(JsonObject source, string field, bool required, params string[] names)
    {
        var text = Text(Find(source, names));
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                Problems.Add($"{field}: missing");
            }
            return null;
        }
        if (!LlmValueNormalizer.TryParseDate(text, out var date))
        {
            (required ? Problems : Warnings).Add($"{field}: not a date ({text})");
            return null;
        }
        return date;
    }

    public static double? Double(JsonObject source, params string[] names)
    {
        var text = Text(Find(source, names));
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    public static JsonArray? Array(JsonObject source, params string[] names) => Find(source, names) switch
    {
        JsonArray array => array,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => TryParseArray(value.GetValue<string>()),
        _ => null,
    };

    private static JsonArray? TryParseArray(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonArray;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
