using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mcs.Orchestrator.Adapters.Dify;

/// <summary>
/// Finds the JSON object in what an LLM wrote: code fences (```json … ```), prose before or after, the first balanced
/// <c>{…}</c>, single-quoted strings and trailing commas. Returns null when there is no object to be found.
/// </summary>
public static class JsonRepair
{
    private static readonly JsonDocumentOptions Lenient = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static JsonObject? ParseObject(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var candidate = StripFence(text.Trim());
        if (TryParse(candidate) is { } direct)
        {
            return direct;
        }
        var balanced = FirstBalancedObject(candidate, '"') ?? FirstBalancedObject(candidate, '\'');
        if (balanced is null)
        {
            return null;
        }
        return TryParse(balanced) ?? TryParse(SingleToDoubleQuotes(balanced));
    }

    private static JsonObject? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text, documentOptions: Lenient) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string StripFence(string text)
    {
        var start = text.IndexOf("```", StringComparison.Ordinal);
        if (start < 0)
        {
            return text;
        }
        var bodyStart = text.IndexOf('\n', start);
        if (bodyStart < 0)
        {
            return text;
        }
        var end = text.IndexOf("```", bodyStart, StringComparison.Ordinal);
        return (end < 0 ? text[(bodyStart + 1)..] : text[(bodyStart + 1)..end]).Trim();
    }

    /// <summary>The first <c>{…}</c> whose braces balance, ignoring braces inside strings quoted with <paramref name="quote"/>.</summary>
    private static string? FirstBalancedObject(string text, char quote)
    {
        var start = text.IndexOf('{', StringComparison.Ordinal);
        while (start >= 0)
        {
            var depth = 0;
            var inString = false;
            for (var i = start; i < text.Length; i++)
            {
                var c = text[i];
                if (inString)
                {
                    if (c == '\\')
                    {
                        i++;
                    }
                    else if (c == quote)
                    {
                        inString = false;
                    }
                    continue;
                }
                if (c == quote)
                {
                    inString = true;
                }
                else if (c == '{')
                {
                    depth++;
                }
                else if (c == '}' && --depth == 0)
                {
                    return text[start..(i + 1)];
                }
            }
            start = text.IndexOf('{', start + 1);
        }
        return null;
    }

    /// <summary>Python-style dicts ({'a': 'b'}) as JSON: single-quoted strings become double-quoted.</summary>
    private static string SingleToDoubleQuotes(string text)
    {
        var builder = new StringBuilder(text.Length);
        var inSingle = false;
        var inDouble = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                builder.Append(c).Append(text[++i]);
                continue;
            }
            if (c == '"' && !inSingle)
            {
                inDouble = !inDouble;
                builder.Append(c);
            }
            else if (c == '\'' && !inDouble)
            {
                inSingle = !inSingle;
                builder.Append('"');
            }
            else if (c == '"' && inSingle)
            {
                builder.Append("\\\"");
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }
}
