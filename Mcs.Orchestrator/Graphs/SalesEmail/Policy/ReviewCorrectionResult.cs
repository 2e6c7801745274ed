using Mcs.Contracts.MasterData;

namespace Mcs.Orchestrator.Graphs.SalesEmail.Policy;

public sealed record ReviewCorrectionResult(Customer? Customer, Company? Company, PolicyVerdict Verdict, IReadOnlyList<string> BlockingReasons)
{
    public bool Acceptable => BlockingReasons.Count == 0;
}
