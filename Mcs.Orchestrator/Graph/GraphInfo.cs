namespace Mcs.Orchestrator.Graph;

/// <summary>The registry entry of a graph (the plan's <c>GraphInfo</c>); a run stores the version and fingerprint it started with.</summary>
/// <param name="Name">Stable graph name, e.g. <c>sales-email</c>.</param>
/// <param name="Version">The flow version; routes may branch on <see cref="NodeContext.FlowVersion"/> for older runs.</param>
/// <param name="Description">One line for humans.</param>
/// <param name="Fingerprint">Hash of the node names, edges and route targets; changes whenever the shape changes.</param>
/// <param name="Nodes">The node names in declaration order.</param>
public sealed record GraphInfo(string Name, int Version, string Description, string Fingerprint, IReadOnlyList<string> Nodes);
