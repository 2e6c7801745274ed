namespace Mcs.Masterdata.Import;

/// <summary>A data row of an import file, its cells keyed by canonical column name, with its row number (header = 1).</summary>
public sealed record TableRow(string File, int Row, IReadOnlyDictionary<string, string> Cells)
{
    public string Get(string column) => Cells.TryGetValue(column, out var value) ? value : "";

    public string? GetOptional(string column) => Cells.TryGetValue(column, out var value) && value.Length > 0 ? value : null;

    /// <summary>A list cell: items separated by <c>;</c>, <c>；</c>, <c>|</c> or a line break (what people type in Excel).</summary>
    public IReadOnlyList<string> GetList(string column) =>
        Get(column).Split([';', '；', '|', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
