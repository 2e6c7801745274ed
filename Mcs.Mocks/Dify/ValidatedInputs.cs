using System.Text.Json.Nodes;

namespace Mcs.Mocks.Dify;

/// <summary>Inputs after Dify's validation: declared variables only, NULs stripped; plus the resolved file, if any.</summary>
public sealed record ValidatedInputs(JsonObject Inputs, ResolvedFile? File, string? Error)
{
    public static ValidatedInputs Invalid(string error) => new([], null, error);

    /// <summary>The text an <c>input_contains</c> match searches: every input value, strings unquoted.</summary>
    public string SearchText() => string.Join('\n', Inputs.Select(pair => pair.Value switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        null => "",
        var node => node.ToJsonString(),
    }));
}
