using System.Text.Json.Serialization;
using Mcs.Contracts.Json;

namespace Mcs.Contracts.Results;

[JsonConverter(typeof(SnakeCaseEnumConverter<CustomerMatchMethod>))]
public enum CustomerMatchMethod
{
    None,
    Contact,
    Domain,
    BuyerName,
}
