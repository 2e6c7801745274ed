namespace Mcs.Mocks.Demo;

/// <summary>
/// A contract as rows of cells; each cell is drawn at its own x position so a reader (the Dify stand-in's extractor,
/// or a real document-extractor) sees the columns. <see cref="Padding"/> adds filler pages (terms and conditions) to
/// reach a realistic file size.
/// </summary>
public sealed record ContractDocument(string Title, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<string> Padding);
