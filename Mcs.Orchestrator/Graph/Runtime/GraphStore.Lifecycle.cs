using Npgsql;
using NpgsqlTypes;
using static Mcs.Orchestrator.Graph.Runtime.Sql;

namespace Mcs.Orchestrator.Graph.Runtime;

internal sealed partial class GraphStore
{
    private const string RetrySql = """
        with u as (
          update graph_run set attempt = $5, not_before = $6, claim_count = case when $7 then 0 else 1 end, updated_at = $11,
            owner_id = case when $7 then null else owner_id end, lease_until = case when $7 then null else lease_until end
          where run_id = $1 and owner_id = $2 and fencing_token = $3 and step = $4
          returning run_id)
        insert into graph_audit (run_id, step, node, attempt, kind, input_digest, error_code, error_message, duration_ms, data, occurred_at)
        select $1, $4, $8, $5, k.kind, case when k.kind = 'node_failed' then $13 end, $9, $10, case when k.kind = 'node_failed' then $12 else 0 end,
          case when k.kind = 'retry_scheduled' then jsonb_build_object('next_attempt', $5 + 1, 'not_before', $6) end, $11
        from u cross join (values ('node_failed'), ('retry_scheduled')) as k(kind)
        """;

    /// <summary>Records a failed attempt that will be retried: <c>node_failed</c> + <c>retry_scheduled</c>, attempt and not_before persisted.</summary>
    public async Task<bool> ScheduleRetryAsync(ClaimedRun run, string ownerId, string node, int attempt, DateTimeOffset notBefore,
        bool releaseLease, string code, string message, string? inputDigest, double durationMs, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, RetrySql, P(run.RunId, NpgsqlDbType.Uuid), P(ownerId, NpgsqlDbType.Text),
            P(run.FencingToken, NpgsqlDbType.Bigint), P(run.Step, NpgsqlDbType.Integer), P(attempt, NpgsqlDbType.Integer),
            P(notBefore, NpgsqlDbType.TimestampTz), P(releaseLease, NpgsqlDbType.Boolean), P(node, NpgsqlDbType.Text),
            P(code, NpgsqlDbType.Text), P(message, NpgsqlDbType.Text), P(now, NpgsqlDbType.TimestampTz), P(durationMs, NpgsqlDbType.Double),
            P(inputDigest, NpgsqlDbType.Text));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    private const string FinishSql = """
        with u as (
          update graph_run set status = $5, attempt = $6, error_code = $8, error_message = $9, error_node = $7, error_retryable = $10,
            owner_id = null, lease_until = null, updated_at = $11, finished_at = case when $5 in ('failed','cancelled') then $11 end
          where run_id = $1 and owner_id = $2 and fencing_token = $3 and step = $4
          returning run_id)
        insert into graph_audit (run_id, step, node, attempt, kind, error_code, error_message, duration_ms, data, occurred_at, input_digest)
        select $1, $4, $7, $6, $12, $8, $9, $13, $14, $11, $15 from u
        """;

    /// <summary>
    /// Ends a run without a commit: failed (retries exhausted, crash loop) or blocked (needs an operator).
    /// <paramref name="inputDigest"/> is the failed attempt's input; null where no attempt ran (crash loop, blocked).
    /// </summary>
    public async Task<bool> StopRunAsync(ClaimedRun run, string ownerId, RunLifecycle status, string node, int attempt, string auditKind,
        string code, string message, bool retryable, string? inputDigest, double durationMs, string? dataJson, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, FinishSql, P(run.RunId, NpgsqlDbType.Uuid), P(ownerId, NpgsqlDbType.Text),
            P(run.FencingToken, NpgsqlDbType.Bigint), P(run.Step, NpgsqlDbType.Integer), P(Lower(status), NpgsqlDbType.Text),
            P(attempt, NpgsqlDbType.Integer), P(node, NpgsqlDbType.Text), P(code, NpgsqlDbType.Text), P(message, NpgsqlDbType.Text),
            P(retryable, NpgsqlDbType.Boolean), P(now, NpgsqlDbType.TimestampTz), P(auditKind, NpgsqlDbType.Text),
            P(durationMs, NpgsqlDbType.Double), P(dataJson, NpgsqlDbType.Jsonb), P(inputDigest, NpgsqlDbType.Text));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>Gives the run back without progress (a long backoff): it stays claimable after not_before.</summary>
    public async Task ReleaseAsync(ClaimedRun run, string ownerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection,
            "update graph_run set owner_id = null, lease_until = null, updated_at = $4 where run_id = $1 and owner_id = $2 and fencing_token = $3",
            P(run.RunId, NpgsqlDbType.Uuid), P(ownerId, NpgsqlDbType.Text), P(run.FencingToken, NpgsqlDbType.Bigint), P(now, NpgsqlDbType.TimestampTz));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Renews every lease this replica holds in one statement; returns the runs still held (the others were lost).</summary>
    public async Task<HashSet<Guid>> RenewLeasesAsync(string ownerId, IReadOnlyCollection<(Guid RunId, long Token)> held, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, """
            update graph_run r set lease_until = $2
            from unnest($3::uuid[], $4::bigint[]) as h(run_id, token)
            where r.run_id = h.run_id and r.fencing_token = h.token and r.owner_id = $1
            returning r.run_id
            """,
            P(ownerId, NpgsqlDbType.Text), P(leaseUntil, NpgsqlDbType.TimestampTz),
            P(held.Select(h => h.RunId).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Uuid),
            P(held.Select(h => h.Token).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Bigint));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var renewed = new HashSet<Guid>();
        while (await reader.ReadAsync(cancellationToken))
        {
            renewed.Add(reader.GetGuid(0));
        }
        return renewed;
    }

    /// <summary>Asked right before an external call: does this replica still own the run? (The commit fence protects only the database.)</summary>
    public async Task<bool> IsOwnerAsync(Guid runId, string ownerId, long fencingToken, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection,
            "select count(*) from graph_run where run_id = $1 and owner_id = $2 and fencing_token = $3 and lease_until >= $4",
            P(runId, NpgsqlDbType.Uuid), P(ownerId, NpgsqlDbType.Text), P(fencingToken, NpgsqlDbType.Bigint), P(now, NpgsqlDbType.TimestampTz));
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! == 1;
    }

    /// <summary>An audit row outside a commit (e.g. <c>state_size_warning</c>).</summary>
    public async Task AddAuditAsync(Guid runId, int step, string node, int attempt, string kind, string? dataJson, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await AddAuditAsync(connection, null, runId, step, node, attempt, kind, dataJson, now, cancellationToken);
    }

    private static async Task AddAuditAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid runId, int step, string node,
        int attempt, string kind, string? dataJson, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = Command(connection,
            "insert into graph_audit (run_id, step, node, attempt, kind, duration_ms, data, occurred_at) values ($1, $2, $3, $4, $5, 0, $6, $7)",
            P(runId, NpgsqlDbType.Uuid), P(step, NpgsqlDbType.Integer), P(node, NpgsqlDbType.Text), P(attempt, NpgsqlDbType.Integer),
            P(kind, NpgsqlDbType.Text), P(dataJson, NpgsqlDbType.Jsonb), P(now, NpgsqlDbType.TimestampTz));
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
