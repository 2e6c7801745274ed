using Mcs.Contracts.Orders;

namespace Mcs.Orchestrator.Graphs.SalesEmail.Nodes;

/// <summary>The interrupt's payload: what the reviewer is asked to decide on.</summary>
public sealed record ReviewPrompt(IReadOnlyList<string> Reasons, ErpOrderPayload? Payload = null);
