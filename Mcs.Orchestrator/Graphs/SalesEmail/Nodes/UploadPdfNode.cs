using System.Diagnostics;
using Mcs.Orchestrator.Adapters.Dify;
using Mcs.Orchestrator.Adapters.FileStore;
using Mcs.Orchestrator.Graph;
using Microsoft.Extensions.Options;

namespace Mcs.Orchestrator.Graphs.SalesEmail.Nodes;

/// <summary>
/// Puts the PDF where Dify can read it: an upload to Dify (local_file, the default) or a short-lived signed URL of our
/// file store (remote_url). The upload is an effect with a lineage key, so a retry or replay reuses the first upload.
/// </summary>
public sealed class UploadPdfNode(IDifyWorkflowClient dify, IFileStore files, IOptions<DifyOptions> difyOptions, SalesEmailMetrics metrics)
    : INode<SalesEmailState>
{
    public string Name => SalesEmailNodeNames.UploadPdf;

    public async Task<NodeResult<SalesEmailState>> ExecuteAsync(SalesEmailState state, NodeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(context);
        var pdf = state.Pdf ?? throw new NodeFailedException("pdf_missing", "No contract PDF was chosen.", retryable: false);
        if (difyOptions.Value.FileTransfer == DifyFileTransfer.RemoteUrl)
        {
            return NodeResult.Continue(state with { DifyFileUrl = files.CreateSignedUrl(pdf.FileId) });
        }
        var file = await files.GetAsync(pdf.FileId, cancellationToken)
            ?? throw new NodeFailedException("attachment_missing", "The contract PDF is not in the file store.", retryable: false);
        var uploaded = await context.EffectAsync("dify_upload", async (_, ct) =>
        {
            var started = Stopwatch.GetTimestamp();
            var outcome = await dify.UploadFileAsync(file.Content, pdf.Filename, "application/pdf", ct);
            metrics.DifyLatency("upload", Stopwatch.GetElapsedTime(started), outcome.Succeeded);
            return outcome.Succeeded ? outcome.Value : throw DifyFailures.ToException(outcome.Failure);
        }, lookupByKey: null, cancellationToken, new EffectOptions(OutcomeUnknownOn: static _ => false));
        return NodeResult.Continue(state with { DifyUploadFileId = uploaded.Id });
    }
}
