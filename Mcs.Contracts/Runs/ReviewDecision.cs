using System.Text.Json.Serialization;
using Mcs.Contracts.Json;

namespace Mcs.Contracts.Runs;

[JsonConverter(typeof(SnakeCaseEnumConverter<ReviewDecision>))]
public enum ReviewDecision
{
    Approve,
    Reject,
}
