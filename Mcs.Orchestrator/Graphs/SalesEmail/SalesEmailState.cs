using Mcs.Contracts.MasterData;
using Mcs.Contracts.Orders;
using Mcs.Contracts.Results;
using Mcs.Contracts.Runs;
using Mcs.Orchestrator.Graph;

namespace Mcs.Orchestrator.Graphs.SalesEmail;

/// <summary>
/// The state of one sales-email run, checkpointed after every node. It holds ids and SHA-256 hashes of files, never
/// their bytes, so a checkpoint stays a few KB. Additive nullable fields need no schema bump (graph-engine.md §4.10).
/// </summary>
public sealed record SalesEmailState : IGraphState
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion => CurrentSchemaVersion;

    public required MailSummary Email { get; init; }

    /// <summary>The first run of the same mail key, when this delivery is a repeat.</summary>
    public string? DuplicateOf { get; init; }

    public long? MasterdataVersion { get; init; }

    /// <summary>The address the mail is matched on: <c>forwarded_from</c> for a mail from one of our own domains.</summary>
    public string? EffectiveSender { get; init; }

    public bool IsInternalSender { get; init; }

    public ContactMatchResult? Contact { get; init; }

    public ContractSignalResult? Signal { get; init; }

    /// <summary>The PDF the contract is read from (file-store id = SHA-256), chosen by <c>detect_contract_signal</c>.</summary>
    public PdfRef? Pdf { get; init; }

    public CustomerMatchResult? Customer { get; init; }

    /// <summary>The Dify upload id (local_file) or the signed URL (remote_url) of the PDF.</summary>
    public string? DifyUploadFileId { get; init; }

    public Uri? DifyFileUrl { get; init; }

    public DifyContractResult? Contract { get; init; }

    public Company? Company { get; init; }

    public ErpOrderPayload? OrderPayload { get; init; }

    /// <summary>How each payload line was mapped to a product (by line number).</summary>
    public IReadOnlyList<LineMapping> LineMappings { get; init; } = [];

    /// <summary>Stable review reason codes (<see cref="ReviewReasons"/>); empty means the policy allows a touchless order.</summary>
    public IReadOnlyList<string> ReviewReasons { get; init; } = [];

    public DateTimeOffset? ReviewRequestedAt { get; init; }

    public ReviewInfo? Review { get; init; }

    /// <summary>Set by <c>apply_review</c> when an approval could not be applied (e.g. a corrected payload still breaks a rule).</summary>
    public bool ReviewAgain { get; init; }

    public string? RejectReason { get; init; }

    public ErpOrderResult? ErpOrder { get; init; }

    public NotificationRecord? Notification { get; init; }

    /// <summary>Business outcome (<see cref="SalesEmailOutcomes"/>), set by the node that decides it.</summary>
    public string? Outcome { get; init; }

    public IReadOnlyList<RunError> Errors { get; init; } = [];

    public IReadOnlyList<string> Warnings { get; init; } = [];

    public DateTimeOffset? FinishedAt { get; init; }

    public SalesEmailState AddWarning(string warning) =>
        Warnings.Contains(warning, StringComparer.Ordinal) ? this : this with { Warnings = [.. Warnings, warning] };
}
