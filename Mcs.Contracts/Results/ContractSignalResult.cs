namespace Mcs.Contracts.Results;

public sealed record ContractSignalResult
{
    public required bool HasSignal { get; init; }
    public IReadOnlyList<string> Reasons { get; init; } = [];
    public IReadOnlyList<string> PdfAttachmentIds { get; init; } = [];
}
