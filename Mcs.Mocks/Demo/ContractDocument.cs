namespace Mcs.Mocks.Demo;

/// <summary>
/// A contract as rows of cells; each cell is drawn at its own x position so a reader (the Dify stand-in's extractor,
/// or a real document-extractor) sees the columns. <see cref="Padding"/> adds terms-and-conditions lines after the
/// table. <see cref="SealImage"/> (a BMP, see <see cref="SealImageWriter"/>) is drawn under the last line like the
/// red company seal (公章) scanned onto a real contract: it carries most of a real contract's bytes but no text.
/// </summary>
public sealed record ContractDocument(string Title, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<string> Padding)
{
    public byte[]? SealImage { get; init; }
}
