using Npgsql;
using NpgsqlTypes;

namespace Mcs.Masterdata.Writes;

/// <summary>
/// Writes many rows of one table inside the caller's open transaction: binary COPY into a temp table (dropped at
/// commit), then one <c>INSERT … SELECT … ON CONFLICT (id) DO UPDATE</c>. EF's change tracker and batched INSERTs
/// cost about half a millisecond per row on the 2-core machine; COPY streams the rows in one round trip and lets
/// PostgreSQL do the merge set-wise (ADR-011).
/// </summary>
public static class CopyUpsert
{
    /// <summary>Upserts <paramref name="rows"/> by primary key <c>id</c>; the first column must be <c>id</c>.</summary>
    public static async Task UpsertAsync<T>(NpgsqlConnection connection, string table, string[] columns, IReadOnlyCollection<T> rows,
        Func<NpgsqlBinaryImporter, T, CancellationToken, Task> writeRow, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return;
        }
        var staging = "staging_" + table;
        var names = string.Join(", ", columns);
        await ExecuteAsync(connection, $"create temp table {staging} (like {table}) on commit drop", ct);
        await CopyAsync(connection, staging, names, rows, writeRow, ct);
        var updates = string.Join(", ", columns.Skip(1).Select(c => $"{c} = excluded.{c}"));
        await ExecuteAsync(connection,
            $"insert into {table} ({names}) select {names} from {staging} on conflict (id) do update set {updates}; drop table {staging}", ct);
    }

    /// <summary>Appends rows straight into <paramref name="table"/> (rows known to be new, e.g. part numbers of replaced lists).</summary>
    public static Task InsertAsync<T>(NpgsqlConnection connection, string table, string[] columns, IReadOnlyCollection<T> rows,
        Func<NpgsqlBinaryImporter, T, CancellationToken, Task> writeRow, CancellationToken ct) =>
        rows.Count == 0 ? Task.CompletedTask : CopyAsync(connection, table, string.Join(", ", columns), rows, writeRow, ct);

    /// <summary>A nullable text value (COPY needs an explicit NULL marker).</summary>
    public static Task WriteTextAsync(this NpgsqlBinaryImporter importer, string? value, CancellationToken ct) =>
        value is null ? importer.WriteNullAsync(ct) : importer.WriteAsync(value, NpgsqlDbType.Text, ct);

    public static Task WriteTextArrayAsync(this NpgsqlBinaryImporter importer, List<string> values, CancellationToken ct) =>
        importer.WriteAsync(values, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);

    private static async Task CopyAsync<T>(NpgsqlConnection connection, string table, string names, IReadOnlyCollection<T> rows,
        Func<NpgsqlBinaryImporter, T, CancellationToken, Task> writeRow, CancellationToken ct)
    {
        await using var importer = await connection.BeginBinaryImportAsync($"copy {table} ({names}) from stdin (format binary)", ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            await writeRow(importer, row, ct);
        }
        await importer.CompleteAsync(ct);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
