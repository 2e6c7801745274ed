using System.Diagnostics;
using System.Text.Json;
using Mcs.Contracts;
using Mcs.Orchestrator.Adapters.Dify;
using Mcs.Orchestrator.Graph;

namespace Mcs.Orchestrator.Graphs.SalesEmail.Nodes;

/// <summary>
/// Extracts the contract with the Dify contract app. A PDF without a text layer (a scan) is not sent: the run goes
/// to review with <c>no_text_layer</c>. Dify failures keep the client's retryable verdict.
/// </summary>
public sealed class CallDifyContractNode(IDifyWorkflowClient dify, SalesEmailMetrics metrics) : INode<SalesEmailState>
{
    public string Name => SalesEmailNodeNames.CallDifyContract;

    public async Task<NodeResult<SalesEmailState>> ExecuteAsync(SalesEmailState state, NodeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Pdf is not { HasTextLayer: true } pdf)
        {
            return NodeResult.Continue(state with { ReviewReasons = [ReviewReasons.NoTextLayer] });
        }
        var file = state.DifyUploadFileId is { } uploadId ? DifyFileInput.LocalFile(uploadId)
            : state.DifyFileUrl is { } url ? DifyFileInput.RemoteUrl(url)
            : throw new NodeFailedException("pdf_not_uploaded", "The PDF was not made available to Dify.", retryable: false);
        var inputs = new DifyContractInputs
        {
            ContractPdf = file,
            EmailSubject = state.Email.Subject,
            EmailBody = state.Email.BodyText,
            Sender = state.EffectiveSender ?? state.Email.From.Address,
            CustomerHint = JsonSerializer.Serialize(state.Customer, McsJson.Options),
            PdfSha256 = pdf.FileId,
        };
        var started = Stopwatch.GetTimestamp();
        var outcome = await dify.RunContractAsync(inputs, cancellationToken);
        metrics.DifyLatency("contract", Stopwatch.GetElapsedTime(started), outcome.Succeeded);
        if (!outcome.Succeeded)
        {
            throw DifyFailures.ToException(outcome.Failure);
        }
        var next = state with { Contract = outcome.Value };
        return NodeResult.Continue(outcome.Warnings.Aggregate(next, (s, w) => s.AddWarning("dify_contract:" + w)));
    }
}
