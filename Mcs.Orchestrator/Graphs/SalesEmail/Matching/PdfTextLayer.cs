namespace Mcs.Orchestrator.Graphs.SalesEmail.Matching;

/// <summary>Whether any page of a PDF shows text (a scan shows none), and how many pages it has.</summary>
public sealed record PdfTextLayer(bool HasTextLayer, int Pages);
