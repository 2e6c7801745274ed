using System.Text.Json.Serialization;
using Mcs.Contracts.Json;

namespace Mcs.Contracts.Results;

[JsonConverter(typeof(SnakeCaseEnumConverter<ContactMatchMethod>))]
public enum ContactMatchMethod
{
    None,
    ExactEmail,
}
