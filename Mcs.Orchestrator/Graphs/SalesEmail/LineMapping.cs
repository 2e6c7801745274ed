namespace Mcs.Orchestrator.Graphs.SalesEmail;

/// <summary>How one order line was mapped: <see cref="Method"/> is <c>sku</c>, <c>customer_part_no</c>, <c>alias</c> or <c>none</c>.</summary>
public sealed record LineMapping(int LineNo, string Code, string Method, string? ProductId = null, string? Sku = null);
