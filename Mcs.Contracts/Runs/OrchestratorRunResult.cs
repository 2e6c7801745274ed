using Mcs.Contracts.MasterData;
using Mcs.Contracts.Orders;
using Mcs.Contracts.Results;

namespace Mcs.Contracts.Runs;

public sealed record OrchestratorRunResult
{
    public required string RunId { get; init; }
    public string? ParentRunId { get; init; }
    public string? MessageId { get; init; }
    public required string DedupeKey { get; init; }
    public required RunStatus Status { get; init; }
    public string? DuplicateOf { get; init; }
    public required GraphRef Graph { get; init; }
    public ContactMatchResult? Contact { get; init; }
    public CustomerMatchResult? Customer { get; init; }
    public Company? Company { get; init; }
    public DifyContractResult? Contract { get; init; }
    public ErpOrderPayload? OrderPayload { get; init; }
    public ErpOrderResult? ErpOrder { get; init; }
    public ReviewInfo? Review { get; init; }
    public IReadOnlyList<RunError> Errors { get; init; } = [];
    public IReadOnlyList<string> Warnings { get; init; } = [];
    public required DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
}
