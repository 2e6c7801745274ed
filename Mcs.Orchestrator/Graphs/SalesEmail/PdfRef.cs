namespace Mcs.Orchestrator.Graphs.SalesEmail;

/// <summary>The contract PDF: its attachment, file-store id and whether it has a text layer (a scan has none).</summary>
public sealed record PdfRef(string AttachmentId, string FileId, string Filename, bool HasTextLayer);
