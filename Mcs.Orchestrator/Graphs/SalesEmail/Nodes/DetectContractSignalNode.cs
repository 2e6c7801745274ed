using Mcs.Contracts.Results;
using Mcs.Orchestrator.Adapters.FileStore;
using Mcs.Orchestrator.Graph;
using Mcs.Orchestrator.Graphs.SalesEmail.Matching;

namespace Mcs.Orchestrator.Graphs.SalesEmail.Nodes;

/// <summary>
/// A contract mail has a real PDF (by its bytes, not its name) and contract/order words in the subject, body,
/// attachment names or the PDF's first page. Without both the run ends <c>ignored</c>. Also notes whether the PDF has
/// a text layer: a scan goes to review without Dify. Page 1 is laid out (its fonts loaded, the costly part) only when
/// the subject, body and names carry no word, which is the order the words are looked for in anyway.
/// </summary>
public sealed class DetectContractSignalNode(IFileStore files, IPdfTextReader pdfReader, ContractKeywordDetector keywords) : INode<SalesEmailState>
{
    public const string NoPdf = "no_pdf_attachment";
    public const string NoWords = "no_contract_words";

    public string Name => SalesEmailNodeNames.DetectContractSignal;

    public async Task<NodeResult<SalesEmailState>> ExecuteAsync(SalesEmailState state, NodeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var pdfs = new List<(AttachmentRef Attachment, ReadOnlyMemory<byte> Content, PdfTextLayer? Text)>();
        foreach (var attachment in state.Email.Attachments.Where(a => a.FileId is not null))
        {
            var file = await files.GetAsync(attachment.FileId!, cancellationToken)
                ?? throw new NodeFailedException("attachment_missing", $"Attachment {attachment.AttachmentId} is not in the file store.", retryable: false);
            if (pdfReader.IsPdf(file.Content.Span))
            {
                pdfs.Add((attachment, file.Content, pdfReader.ProbeTextLayer(file.Content)));
            }
        }
        var reasons = new List<string>();
        if (pdfs.Count == 0)
        {
            reasons.Add(NoPdf);
            return Ignored(state, reasons, []);
        }
        var word = FindWord(state, pdfs.Where(p => p.Text?.HasTextLayer == true).Select(p => p.Content));
        if (word is null)
        {
            reasons.Add(NoWords);
            return Ignored(state, reasons, pdfs.Select(p => p.Attachment.AttachmentId).ToArray());
        }
        reasons.Add($"keyword:{word.Value.Word}@{word.Value.Where}");
        // The contract is the first PDF with text; a mail with only scans still goes on (to review, no_text_layer).
        var chosen = pdfs.FirstOrDefault(p => p.Text?.HasTextLayer == true);
        if (chosen.Attachment is null)
        {
            chosen = pdfs[0];
        }
        var signal = new ContractSignalResult { HasSignal = true, Reasons = reasons, PdfAttachmentIds = pdfs.Select(p => p.Attachment.AttachmentId).ToArray() };
        var pdf = new PdfRef(chosen.Attachment.AttachmentId, chosen.Attachment.FileId!, chosen.Attachment.Filename, chosen.Text?.HasTextLayer == true);
        return NodeResult.Continue(state with { Signal = signal, Pdf = pdf });
    }

    private (string Word, string Where)? FindWord(SalesEmailState state, IEnumerable<ReadOnlyMemory<byte>> pdfsWithText)
    {
        var places = new (string Where, string? Text)[] { ("subject", state.Email.Subject), ("body", state.Email.BodyText) }
            .Concat(state.Email.Attachments.Select(a => ("attachment_name", (string?)a.Filename)))
            // Lazy: a page is read only when every place before it had no word.
            .Concat(pdfsWithText.Select(content => ("pdf_first_page", (string?)pdfReader.ReadFirstPage(content))));
        foreach (var (where, text) in places)
        {
            if (keywords.FindKeyword(text) is { } word)
            {
                return (word, where);
            }
        }
        return null;
    }

    private static NodeResult<SalesEmailState> Ignored(SalesEmailState state, List<string> reasons, string[] pdfIds) =>
        NodeResult.Continue(state with
        {
            Signal = new ContractSignalResult { HasSignal = false, Reasons = reasons, PdfAttachmentIds = pdfIds },
            Outcome = SalesEmailOutcomes.Ignored,
        });
}
