using System.Globalization;
using System.Text;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using static Mcs.Orchestrator.Graph.Runtime.Sql;

namespace Mcs.Orchestrator.Graph.Runtime;

internal sealed partial class GraphStore
{
    private const string RunColumns = """
        run_id, lineage_id, parent_run_id, forked_from_step, graph_name, flow_version, graph_fingerprint, business_key, status,
        outcome, step, next_node, attempt, not_before, error_code, error_message, error_node, error_retryable, replay_mode,
        created_at, updated_at, finished_at
        """;

    public async Task<RunInfo?> GetRunAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, $"select {RunColumns} from graph_run where run_id = $1", P(runId, NpgsqlDbType.Uuid));
        return (await ReadRunsAsync(command, cancellationToken)).FirstOrDefault();
    }

    /// <summary>The runs of <paramref name="runIds"/> that exist, in no particular order.</summary>
    public async Task<IReadOnlyList<RunInfo>> GetRunsAsync(IReadOnlyList<Guid> runIds, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, $"select {RunColumns} from graph_run where run_id = any($1)",
            P(runIds.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Uuid));
        return await ReadRunsAsync(command, cancellationToken);
    }

    public async Task<RunInfo?> FindRunByBusinessKeyAsync(string graphName, string businessKey, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection,
            $"select {RunColumns} from graph_run where graph_name = $1 and business_key = $2 and parent_run_id is null",
            P(graphName, NpgsqlDbType.Text), P(businessKey, NpgsqlDbType.Text));
        return (await ReadRunsAsync(command, cancellationToken)).FirstOrDefault();
    }

    public async Task<RunPage> ListRunsAsync(RunQuery query, CancellationToken cancellationToken)
    {
        var limit = Math.Clamp(query.Limit, 1, 500);
        var (cursorTime, cursorId) = DecodeCursor(query.Cursor);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, $"""
            select {RunColumns} from graph_run
            where ($1::text is null or graph_name = $1) and (cardinality($2::text[]) = 0 or status = any($2))
              and ($3::text is null or outcome = $3) and ($4::text is null or business_key = $4)
              and ($5::timestamptz is null or created_at >= $5) and ($6::timestamptz is null or created_at < $6)
              and ($7::timestamptz is null or (created_at, run_id) < ($7, $8))
            order by created_at desc, run_id desc
            limit $9
            """,
            P(query.GraphName, NpgsqlDbType.Text), P(query.Statuses.Select(Lower).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text),
            P(query.Outcome, NpgsqlDbType.Text), P(query.BusinessKey, NpgsqlDbType.Text), P(query.CreatedFrom, NpgsqlDbType.TimestampTz),
            P(query.CreatedTo, NpgsqlDbType.TimestampTz), P(cursorTime, NpgsqlDbType.TimestampTz), P(cursorId ?? Guid.Empty, NpgsqlDbType.Uuid),
            P(limit + 1, NpgsqlDbType.Integer));
        var runs = await ReadRunsAsync(command, cancellationToken);
        if (runs.Count <= limit)
        {
            return new RunPage(runs, null);
        }
        var last = runs[limit - 1];
        return new RunPage(runs.Take(limit).ToArray(), EncodeCursor(last.CreatedAt, last.RunId));
    }

    public async Task<(string Json, int SchemaVersion)?> GetStateJsonAsync(Guid runId, int? step, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, """
            select state::text, state_schema_version from graph_checkpoint
            where run_id = $1 and ($2::int is null or step = $2) order by step desc limit 1
            """, P(runId, NpgsqlDbType.Uuid), P(step, NpgsqlDbType.Integer));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetString(0), reader.GetInt32(1)) : null;
    }

    public async Task<IReadOnlyList<AuditEntry>> GetAuditAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, """
            select id, run_id, step, node, attempt, kind, input_digest, output::text, error_code, error_message, duration_ms, data::text, occurred_at
            from graph_audit where run_id = $1 order by id
            """, P(runId, NpgsqlDbType.Uuid));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<AuditEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new AuditEntry(reader.GetInt64(0), reader.GetGuid(1), reader.GetInt32(2), reader.GetString(3), reader.GetInt32(4),
                reader.GetString(5), reader.Nullable<string>(6), Element(reader.Nullable<string>(7)), reader.Nullable<string>(8),
                reader.Nullable<string>(9), reader.GetDouble(10), Element(reader.Nullable<string>(11)), reader.GetFieldValue<DateTimeOffset>(12)));
        }
        return rows;
    }

    public async Task<IReadOnlyList<CheckpointInfo>> ListCheckpointsAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, """
            select step, node, next_node, state_schema_version, state_bytes, created_at from graph_checkpoint where run_id = $1 order by step
            """, P(runId, NpgsqlDbType.Uuid));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<CheckpointInfo>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new CheckpointInfo(reader.GetInt32(0), reader.Nullable<string>(1), reader.Nullable<string>(2), reader.GetInt32(3),
                reader.GetInt32(4), reader.GetFieldValue<DateTimeOffset>(5)));
        }
        return rows;
    }

    public async Task<IReadOnlyList<InterruptInfo>> ListInterruptsAsync(Guid? runId, string? graphName, bool openOnly, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, """
            select interrupt_id, run_id, graph_name, step, node, kind, payload::text, status, decision::text, decided_by, created_at, decided_at
            from graph_interrupt
            where ($1::uuid is null or run_id = $1) and ($2::text is null or graph_name = $2) and (not $3 or status = 'open')
            order by created_at, interrupt_id limit $4
            """, P(runId, NpgsqlDbType.Uuid), P(graphName, NpgsqlDbType.Text), P(openOnly, NpgsqlDbType.Boolean), P(Math.Clamp(limit, 1, 1000), NpgsqlDbType.Integer));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<InterruptInfo>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new InterruptInfo(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetInt32(3), reader.GetString(4),
                reader.GetString(5), Element(reader.GetString(6))!.Value, reader.GetString(7) == "open", Element(reader.Nullable<string>(8)),
                reader.Nullable<string>(9), reader.GetFieldValue<DateTimeOffset>(10), reader.Nullable<DateTimeOffset?>(11)));
        }
        return rows;
    }

    private static async Task<List<RunInfo>> ReadRunsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var runs = new List<RunInfo>();
        while (await reader.ReadAsync(cancellationToken))
        {
            runs.Add(new RunInfo
            {
                RunId = reader.GetGuid(0),
                LineageId = reader.GetGuid(1),
                ParentRunId = reader.Nullable<Guid?>(2),
                ForkedFromStep = reader.Nullable<int?>(3),
                GraphName = reader.GetString(4),
                FlowVersion = reader.GetInt32(5),
                GraphFingerprint = reader.GetString(6),
                BusinessKey = reader.GetString(7),
                Status = Lifecycle(reader.GetString(8)),
                Outcome = reader.Nullable<string>(9),
                Step = reader.GetInt32(10),
                NextNode = reader.Nullable<string>(11),
                Attempt = reader.GetInt32(12),
                NotBefore = reader.Nullable<DateTimeOffset?>(13),
                ErrorCode = reader.Nullable<string>(14),
                ErrorMessage = reader.Nullable<string>(15),
                ErrorNode = reader.Nullable<string>(16),
                ErrorRetryable = reader.GetBoolean(17),
                ReplayMode = Replay(reader.Nullable<string>(18)),
                CreatedAt = reader.GetFieldValue<DateTimeOffset>(19),
                UpdatedAt = reader.GetFieldValue<DateTimeOffset>(20),
                FinishedAt = reader.Nullable<DateTimeOffset?>(21),
            });
        }
        return runs;
    }

    private static JsonElement? Element(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();

    private static string EncodeCursor(DateTimeOffset createdAt, Guid runId) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{createdAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}:{runId:N}"));

    private static (DateTimeOffset?, Guid?) DecodeCursor(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return (null, null);
        }
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(cursor)).Split(':');
            return (new DateTimeOffset(long.Parse(parts[0], CultureInfo.InvariantCulture), TimeSpan.Zero), Guid.ParseExact(parts[1], "N"));
        }
        catch (Exception exception) when (exception is FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            throw new ArgumentException("The cursor is not one this API returned.", nameof(cursor), exception);
        }
    }
}
