using System.Text.Json.Serialization;
using Mcs.Contracts.Json;

namespace Mcs.Contracts.Runs;

/// <summary>The one run-status vocabulary of the API, the runs filter and the UI.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<RunStatus>))]
public enum RunStatus
{
    Running,
    WaitingReview,
    Succeeded,
    Ignored,
    Duplicate,
    Rejected,
    Failed,
}
