using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace Mcs.Orchestrator.Graphs.SalesEmail.Intake;

/// <summary>
/// A small table of our own (<c>sales_email_run</c>) that maps a run to its mail's message id, dedupe key and delivery,
/// for <c>GET /runs?message_id=</c>. The engine's DbContext offers no extension point for a graph's tables, so this is
/// raw Npgsql; the row is written in the accepting transaction, so it exists exactly when the run does.
/// </summary>
public sealed class SalesEmailRunIndex(NpgsqlDataSource dataSource)
{
    private const string Schema = """
        create table if not exists sales_email_run (
          run_id uuid primary key,
          delivery_id text not null,
          dedupe_key text not null,
          message_id text,
          created_at timestamptz not null);
        create index if not exists ix_sales_email_run_message on sales_email_run (message_id, created_at desc, run_id desc);
        """;

    public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(Schema);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Adds the run's row on the caller's connection and transaction (no-op when it is already there).</summary>
    public static async Task AddAsync(DbConnection connection, DbTransaction? transaction, Guid runId, MailSummary mail, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        await using var command = new NpgsqlCommand(
            "insert into sales_email_run (run_id, delivery_id, dedupe_key, message_id, created_at) values ($1, $2, $3, $4, $5) on conflict do nothing",
            (NpgsqlConnection)connection, (NpgsqlTransaction?)transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = runId, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = mail.DeliveryId, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = mail.DedupeKey, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)mail.MessageId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = now, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Run ids of a message id, newest first, after <paramref name="offset"/> rows.</summary>
    public async Task<IReadOnlyList<Guid>> FindByMessageIdAsync(string messageId, int offset, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select run_id from sales_email_run where message_id = $1 order by created_at desc, run_id desc offset $2 limit $3");
        command.Parameters.Add(new NpgsqlParameter { Value = messageId, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = offset, NpgsqlDbType = NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter { Value = limit, NpgsqlDbType = NpgsqlDbType.Integer });
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetGuid(0));
        }
        return ids;
    }
}
