using Mcs.Contracts.Orders;
using Mcs.Contracts.Results;
using Mcs.Orchestrator.Adapters.Dify;

namespace Mcs.Tests.Support.Fakes;

/// <summary>Answers the two Dify workflows from scripted values or failures and counts the calls.</summary>
public sealed class FakeDifyWorkflowClient : IDifyWorkflowClient
{
    private int _uploads;
    private int _contractCalls;
    private int _orderCalls;

    public DifyContractResult? Contract { get; set; }
    public ErpOrderPayload? OrderPayload { get; set; }
    public DifyFailure? ContractFailure { get; set; }
    public DifyFailure? OrderFailure { get; set; }

    /// <summary>How many contract calls fail with <see cref="ContractFailure"/> before the fault clears; null = it never clears.</summary>
    public int? ContractFailureCount { get; set; }

    /// <summary>When set, contract calls wait for it: a run stays at call_dify_contract until the test completes it.</summary>
    public TaskCompletionSource? ContractGate { get; set; }

    public int Uploads => _uploads;
    public int ContractCalls => _contractCalls;
    public int OrderCalls => _orderCalls;
    public DifyContractInputs? LastContractInputs { get; private set; }
    public DifyOrderInputs? LastOrderInputs { get; private set; }

    public static DifyFailure Failure(string code, bool retryable) => new()
    {
        Kind = retryable ? DifyFailureKind.Unavailable : DifyFailureKind.RunFailed, Code = code, Message = "scripted " + code, Retryable = retryable,
    };

    public Task<DifyOutcome<DifyUploadedFile>> UploadFileAsync(ReadOnlyMemory<byte> content, string fileName, string contentType, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _uploads);
        return Task.FromResult(DifyOutcome<DifyUploadedFile>.Success(new DifyUploadedFile("upload-" + _uploads, fileName, content.Length)));
    }

    public async Task<DifyOutcome<DifyContractResult>> RunContractAsync(DifyContractInputs inputs, CancellationToken cancellationToken)
    {
        var call = Interlocked.Increment(ref _contractCalls);
        LastContractInputs = inputs;
        if (ContractGate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }
        var failing = ContractFailureCount is not { } count || call <= count;
        return ContractFailure is { } failure && failing ? DifyOutcome<DifyContractResult>.Failed(failure)
            : DifyOutcome<DifyContractResult>.Success(Contract ?? throw new InvalidOperationException("No contract scripted."));
    }

    public Task<DifyOutcome<ErpOrderPayload>> RunOrderPayloadAsync(DifyOrderInputs inputs, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _orderCalls);
        LastOrderInputs = inputs;
        return Task.FromResult(OrderFailure is { } failure ? DifyOutcome<ErpOrderPayload>.Failed(failure)
            : DifyOutcome<ErpOrderPayload>.Success(OrderPayload ?? throw new InvalidOperationException("No payload scripted.")));
    }
}
