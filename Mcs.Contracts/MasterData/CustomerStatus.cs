using System.Text.Json.Serialization;
using Mcs.Contracts.Json;

namespace Mcs.Contracts.MasterData;

[JsonConverter(typeof(SnakeCaseEnumConverter<CustomerStatus>))]
public enum CustomerStatus
{
    Active,
    Blocked,
}
