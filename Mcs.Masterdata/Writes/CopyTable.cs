using Npgsql;
using NpgsqlTypes;

namespace Mcs.Masterdata.Writes;

/// <summary>
/// A table's binary-COPY layout: each column's name next to how a row's value is written, so the column list and the
/// row writer cannot drift apart. Built once (static); writing a row allocates nothing beyond what Npgsql does.
/// </summary>
public sealed class CopyTable<TRow>(string name)
{
    private readonly List<string> _columns = [];
    private readonly List<Func<NpgsqlBinaryImporter, TRow, CancellationToken, Task>> _writers = [];

    public string Name => name;

    /// <summary>The column names in COPY order.</summary>
    public IReadOnlyList<string> Columns => _columns;

    /// <summary>A nullable text column (COPY needs an explicit NULL marker).</summary>
    public CopyTable<TRow> Text(string column, Func<TRow, string?> value) =>
        Add(column, (importer, row, ct) => value(row) is { } text ? importer.WriteAsync(text, NpgsqlDbType.Text, ct) : importer.WriteNullAsync(ct));

    public CopyTable<TRow> TextArray(string column, Func<TRow, List<string>> value) =>
        Add(column, (importer, row, ct) => importer.WriteAsync(value(row), NpgsqlDbType.Array | NpgsqlDbType.Text, ct));

    public CopyTable<TRow> Numeric(string column, Func<TRow, decimal> value) =>
        Add(column, (importer, row, ct) => importer.WriteAsync(value(row), NpgsqlDbType.Numeric, ct));

    /// <summary>Starts a row and writes every column of <paramref name="row"/>.</summary>
    public async Task WriteRowAsync(NpgsqlBinaryImporter importer, TRow row, CancellationToken ct)
    {
        await importer.StartRowAsync(ct);
        foreach (var write in _writers)
        {
            await write(importer, row, ct);
        }
    }

    private CopyTable<TRow> Add(string column, Func<NpgsqlBinaryImporter, TRow, CancellationToken, Task> write)
    {
        _columns.Add(column);
        _writers.Add(write);
        return this;
    }
}
