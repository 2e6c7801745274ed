using System.Text.Json.Serialization;
using Mcs.Contracts.Json;

namespace Mcs.Contracts.Orders;

[JsonConverter(typeof(SnakeCaseEnumConverter<ErpOrderOutcome>))]
public enum ErpOrderOutcome
{
    Created,
    AlreadyExisted,
}
