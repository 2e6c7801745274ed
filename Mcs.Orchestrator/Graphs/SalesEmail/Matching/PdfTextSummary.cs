namespace Mcs.Orchestrator.Graphs.SalesEmail.Matching;

public sealed record PdfTextSummary(string FirstPageText, bool HasTextLayer, int Pages);
