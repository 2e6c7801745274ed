using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mcs.Contracts;

/// <summary>
/// The serializer options every service, client and test uses: the settings of <see cref="McsJsonContext"/>, with
/// the context first in the resolver chain and reflection behind it for a service's own private types.
/// </summary>
public static class McsJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Applies the wire settings to options owned by someone else (ASP.NET Core's HTTP JSON options).</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = null;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.PropertyNameCaseInsensitive = false;
        options.TypeInfoResolverChain.Insert(0, McsJsonContext.Default);
        if (!options.TypeInfoResolverChain.OfType<System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver>().Any())
        {
            options.TypeInfoResolverChain.Add(new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver());
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        options.MakeReadOnly();
        return options;
    }
}
