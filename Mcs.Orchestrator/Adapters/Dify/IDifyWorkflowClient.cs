using Mcs.Contracts.Orders;
using Mcs.Contracts.Results;

namespace Mcs.Orchestrator.Adapters.Dify;

/// <summary>
/// The two Dify workflows MCS calls (contract extraction and order payload) plus file upload. Every call ends in a
/// value or a classified <see cref="DifyFailure"/>: transient errors are retried inside the client (backoff, overall
/// deadline), so a failure returned here is final for this attempt. Only cancellation of <c>cancellationToken</c>
/// throws (<see cref="OperationCanceledException"/>).
/// </summary>
public interface IDifyWorkflowClient
{
    /// <summary>Uploads a file to the contract app (<c>POST /files/upload</c>) with the configured stable <c>user</c>.</summary>
    Task<DifyOutcome<DifyUploadedFile>> UploadFileAsync(ReadOnlyMemory<byte> content, string fileName, string contentType, CancellationToken cancellationToken);

    /// <summary>Runs the contract-extraction workflow and returns the normalised contract.</summary>
    Task<DifyOutcome<DifyContractResult>> RunContractAsync(DifyContractInputs inputs, CancellationToken cancellationToken);

    /// <summary>Runs the order-payload workflow. Identity fields of the payload are NOT to be trusted (the caller overwrites them).</summary>
    Task<DifyOutcome<ErpOrderPayload>> RunOrderPayloadAsync(DifyOrderInputs inputs, CancellationToken cancellationToken);
}
