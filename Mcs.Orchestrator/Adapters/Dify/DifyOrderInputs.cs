using Mcs.Contracts.MasterData;
using Mcs.Contracts.Results;

namespace Mcs.Orchestrator.Adapters.Dify;

/// <summary>Inputs of the order-payload app; the client sends each as a snake_case JSON string.</summary>
public sealed record DifyOrderInputs
{
    public required DifyContractResult Contract { get; init; }
    public required Customer Customer { get; init; }
    public required Company Company { get; init; }
    public IReadOnlyList<Product> CandidateProducts { get; init; } = [];
}
