using System.Text.Json.Serialization;
using Mcs.Contracts.Json;

namespace Mcs.Contracts.MasterData;

[JsonConverter(typeof(SnakeCaseEnumConverter<ProductStatus>))]
public enum ProductStatus
{
    Active,
    Discontinued,
}
