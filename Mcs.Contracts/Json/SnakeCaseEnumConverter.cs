using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mcs.Contracts.Json;

/// <summary>
/// Enums travel as snake_case strings; numbers are refused so an unknown value can never slip in as an integer.
/// </summary>
public sealed class SnakeCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false)
    where TEnum : struct, Enum;
