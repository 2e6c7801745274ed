using System.ComponentModel.DataAnnotations;

namespace Mcs.ServiceDefaults;

/// <summary>
/// The API keys a service accepts as <c>Authorization: Bearer &lt;key&gt;</c>. The AppHost passes its
/// <c>mcs-api-key</c> parameter as <c>Mcs__ApiKey</c>; <c>Mcs:ApiKeys</c> adds more (key rotation).
/// </summary>
public sealed class McsApiKeyOptions : IValidatableObject
{
    public const string SectionName = "Mcs";

    public string? ApiKey { get; set; }
    public List<string> ApiKeys { get; set; } = [];

    public IEnumerable<string> AllKeys() =>
        ApiKeys.Append(ApiKey ?? "").Where(key => !string.IsNullOrWhiteSpace(key));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!AllKeys().Any())
        {
            yield return new ValidationResult("No API key configured: set Mcs:ApiKey (environment Mcs__ApiKey).", [nameof(ApiKey)]);
        }
        if (AllKeys().Any(key => key.Length < 16))
        {
            yield return new ValidationResult("An API key must be at least 16 characters.", [nameof(ApiKey)]);
        }
    }
}
