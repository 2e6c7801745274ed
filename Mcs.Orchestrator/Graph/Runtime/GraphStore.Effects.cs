using NpgsqlTypes;
using static Mcs.Orchestrator.Graph.Runtime.Sql;

namespace Mcs.Orchestrator.Graph.Runtime;

internal sealed partial class GraphStore
{
    private const string BeginEffectSql = """
        with old as (select status from side_effect where effect_key = $1)
        insert into side_effect as s (effect_key, run_id, node, status, request_hash, attempts, created_at, updated_at)
        values ($1, $2, $3, 'started', $4, 1, $5, $5)
        on conflict (effect_key) do update set attempts = s.attempts + 1, updated_at = $5,
          status = case when s.status = 'failed' then 'started' else s.status end
        returning status, (select status from old), response::text,
          exists (select 1 from graph_run where run_id = $2 and owner_id = $6 and fencing_token = $7 and lease_until >= $5)
        """;

    /// <summary>
    /// §4.5 (a): the <c>started</c> row, committed before the call; or the row an earlier attempt left. Also answers
    /// whether <paramref name="ownerId"/> still holds the run under <paramref name="fencingToken"/>: for a new effect
    /// nothing happens between this statement and the call, so it is the ownership check right before the call.
    /// </summary>
    public async Task<EffectRecord> BeginEffectAsync(string effectKey, Guid runId, string node, string? requestHash, string ownerId, long fencingToken,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, BeginEffectSql, P(effectKey, NpgsqlDbType.Text), P(runId, NpgsqlDbType.Uuid),
            P(node, NpgsqlDbType.Text), P(requestHash, NpgsqlDbType.Text), P(now, NpgsqlDbType.TimestampTz), P(ownerId, NpgsqlDbType.Text),
            P(fencingToken, NpgsqlDbType.Bigint));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var previous = reader.Nullable<string>(1);
        // A definite failure before (status 'failed') means nothing was created: the call is as new as a first one.
        return new EffectRecord(ParseEffect(reader.GetString(0)), previous is null or "failed", reader.Nullable<string>(2), reader.GetBoolean(3));
    }

    public async Task<EffectRecord?> GetEffectAsync(string effectKey, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, "select status, response::text from side_effect where effect_key = $1", P(effectKey, NpgsqlDbType.Text));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new EffectRecord(ParseEffect(reader.GetString(0)), false, reader.Nullable<string>(1), OwnerConfirmed: false)
            : null;
    }

    public async Task MarkEffectAsync(string effectKey, EffectStatus status, string? responseJson, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, "update side_effect set status = $2, response = coalesce($3, response), updated_at = $4 where effect_key = $1",
            P(effectKey, NpgsqlDbType.Text), P(status.ToString().ToLowerInvariant(), NpgsqlDbType.Text), P(responseJson, NpgsqlDbType.Jsonb),
            P(now, NpgsqlDbType.TimestampTz));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Insert-or-read of a business idempotency key; two statements, because a waiting ON CONFLICT keeps the old snapshot.</summary>
    public async Task<IdempotencyClaim> ClaimIdempotencyKeyAsync(string scope, string key, Guid runId, Guid lineageId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var insert = Command(connection,
            "insert into idempotency_record (scope, key, run_id, lineage_id, created_at) values ($1, $2, $3, $4, $5) on conflict do nothing",
            P(scope, NpgsqlDbType.Text), P(key, NpgsqlDbType.Text), P(runId, NpgsqlDbType.Uuid), P(lineageId, NpgsqlDbType.Uuid), P(now, NpgsqlDbType.TimestampTz)))
        {
            if (await insert.ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                return new IdempotencyClaim(true, runId, lineageId, now);
            }
        }
        await using var select = Command(connection, "select run_id, lineage_id, created_at from idempotency_record where scope = $1 and key = $2",
            P(scope, NpgsqlDbType.Text), P(key, NpgsqlDbType.Text));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var ownerLineage = reader.GetGuid(1);
        return new IdempotencyClaim(ownerLineage == lineageId, reader.GetGuid(0), ownerLineage, reader.GetFieldValue<DateTimeOffset>(2));
    }

    private static EffectStatus ParseEffect(string status) => status switch
    {
        "succeeded" => EffectStatus.Succeeded,
        "unknown" => EffectStatus.Unknown,
        "failed" => EffectStatus.Failed,
        _ => EffectStatus.Started,
    };
}
