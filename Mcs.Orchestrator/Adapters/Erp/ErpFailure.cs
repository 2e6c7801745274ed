namespace Mcs.Orchestrator.Adapters.Erp;

/// <summary>A classified ERP failure; <see cref="Code"/> is one of <see cref="ErpErrorCodes"/>.</summary>
public sealed record ErpFailure
{
    public required string Code { get; init; }
    public required string Message { get; init; }
    public required bool Retryable { get; init; }
    public int? HttpStatus { get; init; }

    /// <summary>Field → messages when the gateway rejected the payload (422).</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }
}
