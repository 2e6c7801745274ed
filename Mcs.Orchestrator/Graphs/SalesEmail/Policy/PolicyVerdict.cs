using Mcs.Contracts.Orders;

namespace Mcs.Orchestrator.Graphs.SalesEmail.Policy;

/// <summary>The policy's answer: reasons (empty = touchless), per-line mappings, and the payload with mapped skus.</summary>
public sealed record PolicyVerdict(IReadOnlyList<string> Reasons, IReadOnlyList<LineMapping> Mappings, ErpOrderPayload? Payload)
{
    public bool Passed => Reasons.Count == 0;
}
