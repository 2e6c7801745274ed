namespace Mcs.Orchestrator.Graphs.SalesEmail;

/// <summary>Business outcomes a finished run carries (mapped to API statuses by <c>RunStatusMapping</c>).</summary>
public static class SalesEmailOutcomes
{
    public const string Succeeded = "succeeded";
    public const string Ignored = "ignored";
    public const string Duplicate = "duplicate";
    public const string Rejected = "rejected";
    public const string Failed = "failed";
}
