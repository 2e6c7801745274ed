using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using static Mcs.Orchestrator.Graph.Runtime.Sql;

namespace Mcs.Orchestrator.Graph.Runtime;

/// <summary>
/// The engine's tables through Npgsql. The hot path (create, claim, commit, heartbeat) is one statement each: data-
/// modifying CTEs make the run update, checkpoint, audit row, effect statuses and interrupt one atomic statement
/// in one round trip, where EF Core would need a transaction and several round trips.
/// </summary>
internal sealed partial class GraphStore(NpgsqlDataSource dataSource)
{
    private const string CreateRunSql = """
        with ins as (
          insert into graph_run (run_id, lineage_id, graph_name, flow_version, graph_fingerprint, business_key, status, step,
            next_node, attempt, fencing_token, claim_count, new_effect_keys, error_retryable, created_at, updated_at)
          values ($1, $1, $2, $3, $4, $5, 'pending', 0, $6, 0, 0, 0, false, false, $9, $9)
          on conflict (graph_name, business_key) where parent_run_id is null do nothing
          returning run_id),
        cp as (
          insert into graph_checkpoint (run_id, step, node, next_node, state, state_schema_version, state_bytes, created_at)
          select run_id, 0, null, $6, $7, $8, octet_length($7::text), $9 from ins)
        select run_id from ins
        """;

    public NpgsqlDataSource DataSource => dataSource;

    /// <summary>Creates run + step-0 checkpoint, or returns the existing root run of the key.</summary>
    public async Task<RunStart> CreateRunAsync(CompiledGraph graph, string businessKey, string stateJson, DateTimeOffset now,
        DbConnection? connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var ownConnection = connection is null ? await dataSource.OpenConnectionAsync(cancellationToken) : null;
        try
        {
            var npgsql = (NpgsqlConnection)(connection ?? ownConnection!);
            var runId = Guid.CreateVersion7(now);
            await using (var insert = Command(npgsql, CreateRunSql,
                P(runId, NpgsqlDbType.Uuid), P(graph.Name, NpgsqlDbType.Text), P(graph.Info.Version, NpgsqlDbType.Integer),
                P(graph.Info.Fingerprint, NpgsqlDbType.Text), P(businessKey, NpgsqlDbType.Text), P(graph.EntryNode, NpgsqlDbType.Text),
                P(stateJson, NpgsqlDbType.Jsonb), P(graph.StateSchemaVersion, NpgsqlDbType.Integer), P(now, NpgsqlDbType.TimestampTz)))
            {
                insert.Transaction = (NpgsqlTransaction?)transaction;
                if (await insert.ExecuteScalarAsync(cancellationToken) is Guid created)
                {
                    return new RunStart(created, true);
                }
            }
            await using var find = Command(npgsql,
                "select run_id from graph_run where graph_name = $1 and business_key = $2 and parent_run_id is null",
                P(graph.Name, NpgsqlDbType.Text), P(businessKey, NpgsqlDbType.Text));
            find.Transaction = (NpgsqlTransaction?)transaction;
            var existing = await find.ExecuteScalarAsync(cancellationToken) as Guid?
                ?? throw new InvalidOperationException("The run of the business key vanished between insert and select.");
            return new RunStart(existing, false);
        }
        finally
        {
            if (ownConnection is not null)
            {
                await ownConnection.DisposeAsync();
            }
        }
    }

    private const string ClaimSql = """
        with c as (
          select run_id, owner_id as previous_owner from graph_run
          where status in ('pending','running') and (lease_until is null or lease_until < $2)
            and (not_before is null or not_before <= $2)
          order by updated_at
          for update skip locked
          limit $4),
        u as (
          update graph_run r set owner_id = $1, lease_until = $3, fencing_token = r.fencing_token + 1,
            claim_count = r.claim_count + 1, status = 'running', updated_at = $2
          from c where r.run_id = c.run_id
          returning r.*, c.previous_owner),
        a as (
          insert into graph_audit (run_id, step, node, attempt, kind, duration_ms, data, occurred_at)
          select run_id, step, coalesce(next_node, ''), attempt, 'lease_taken_over', 0,
            jsonb_build_object('previous_owner', previous_owner, 'new_owner', $1::text, 'fencing_token', fencing_token), $2
          from u where previous_owner is not null)
        select u.run_id, u.lineage_id, u.parent_run_id, u.graph_name, u.flow_version, u.business_key, u.fencing_token,
          u.claim_count, u.replay_mode, u.new_effect_keys, u.previous_owner, u.step, u.next_node, u.attempt, u.not_before,
          cp.state::text, cp.state_schema_version, i.decision::text, i.decided_by,
          case when u.error_step = u.step then u.error_node end, u.error_code, u.error_message, u.error_retryable
        from u
        join graph_checkpoint cp on cp.run_id = u.run_id and cp.step = u.step
        left join graph_interrupt i on i.run_id = u.run_id and i.step = u.step and i.status = 'resolved'
        """;

    /// <summary>Claims up to <paramref name="limit"/> claimable runs (graph-engine.md §4.4 step 1), writing <c>lease_taken_over</c> rows.</summary>
    public async Task<IReadOnlyList<ClaimedRun>> ClaimAsync(string ownerId, DateTimeOffset now, TimeSpan lease, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, ClaimSql, P(ownerId, NpgsqlDbType.Text), P(now, NpgsqlDbType.TimestampTz),
            P(now + lease, NpgsqlDbType.TimestampTz), P(limit, NpgsqlDbType.Integer));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var claimed = new List<ClaimedRun>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var errorNode = reader.Nullable<string>(19);
            claimed.Add(new ClaimedRun
            {
                RunId = reader.GetGuid(0),
                LineageId = reader.GetGuid(1),
                ParentRunId = reader.Nullable<Guid?>(2),
                GraphName = reader.GetString(3),
                FlowVersion = reader.GetInt32(4),
                BusinessKey = reader.GetString(5),
                FencingToken = reader.GetInt64(6),
                ClaimCount = reader.GetInt32(7),
                ReplayMode = Replay(reader.Nullable<string>(8)),
                NewEffectKeys = reader.GetBoolean(9),
                PreviousOwner = reader.Nullable<string>(10),
                Step = reader.GetInt32(11),
                NextNode = reader.Nullable<string>(12),
                Attempt = reader.GetInt32(13),
                NotBefore = reader.Nullable<DateTimeOffset?>(14),
                StateJson = reader.GetString(15),
                StateSchemaVersion = reader.GetInt32(16),
                ResumeDecisionJson = reader.Nullable<string>(17),
                ResumedBy = reader.Nullable<string>(18),
                PreviousFailure = errorNode is null ? null
                    : new NodeFailure(errorNode, reader.Nullable<string>(20) ?? "", reader.Nullable<string>(21) ?? "", reader.GetBoolean(22)),
            });
        }
        return claimed;
    }

    private const string CommitSql = """
        with u as (
          update graph_run set step = $4 + 1, next_node = $6, status = $7, outcome = coalesce($8, outcome), attempt = 0,
            not_before = null, claim_count = 0, updated_at = $24,
            finished_at = case when $7 in ('succeeded','failed','cancelled') then $24 end,
            owner_id = case when $25 then null else owner_id end, lease_until = case when $25 then null else lease_until end,
            error_code = case when $26 then $14 else error_code end, error_message = case when $26 then $15 else error_message end,
            error_node = case when $26 then $5 else error_node end, error_retryable = case when $26 then $16 else error_retryable end,
            error_step = case when $26 then $4 + 1 else error_step end
          where run_id = $1 and owner_id = $2 and fencing_token = $3 and step = $4
          returning run_id),
        cp as (
          insert into graph_checkpoint (run_id, step, node, next_node, state, state_schema_version, state_bytes, created_at)
          select $1, $4 + 1, $5, $6, $9, $10, octet_length($9::text), $24 from u),
        au as (
          insert into graph_audit (run_id, step, node, attempt, kind, input_digest, output, data, error_code, error_message, duration_ms, occurred_at)
          select $1, $4, $5, $11, $12, $13, $17, $18, $14, $15, $19, $24 from u),
        ai as (
          insert into graph_audit (run_id, step, node, attempt, kind, data, duration_ms, occurred_at)
          select $1, $4 + 1, $5, $11, 'interrupted', jsonb_build_object('interrupt_id', $20::uuid, 'kind', $21::text), 0, $24
          from u where $20::uuid is not null),
        i as (
          insert into graph_interrupt (interrupt_id, run_id, graph_name, step, node, kind, payload, status, created_at)
          select $20, $1, $23, $4 + 1, $5, $21, $22, 'open', $24 from u where $20::uuid is not null),
        e as (
          update side_effect s set status = 'succeeded', response = x.response::jsonb, updated_at = $24
          from unnest($27::text[], $28::text[]) as x(effect_key, response)
          where s.effect_key = x.effect_key and exists (select 1 from u))
        select count(*) from u
        """;

    /// <summary>
    /// Commits a node (graph-engine.md §4.4 step 3). False means zero rows matched: the lease was lost (or the step
    /// was already committed, which <see cref="WasCommittedByAsync"/> tells apart).
    /// </summary>
    public async Task<bool> CommitAsync(StepCommit commit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, CommitSql,
            P(commit.RunId, NpgsqlDbType.Uuid), P(commit.OwnerId, NpgsqlDbType.Text), P(commit.FencingToken, NpgsqlDbType.Bigint),
            P(commit.Step, NpgsqlDbType.Integer), P(commit.Node, NpgsqlDbType.Text), P(commit.NextNode, NpgsqlDbType.Text),
            P(Lower(commit.Status), NpgsqlDbType.Text), P(commit.Outcome, NpgsqlDbType.Text), P(commit.StateJson, NpgsqlDbType.Jsonb),
            P(commit.StateSchemaVersion, NpgsqlDbType.Integer), P(commit.Attempt, NpgsqlDbType.Integer), P(commit.AuditKind, NpgsqlDbType.Text),
            P(commit.InputDigest, NpgsqlDbType.Text), P(commit.ErrorCode, NpgsqlDbType.Text), P(commit.ErrorMessage, NpgsqlDbType.Text),
            P(commit.ErrorRetryable, NpgsqlDbType.Boolean), P(commit.OutputJson, NpgsqlDbType.Jsonb), P(commit.AuditDataJson, NpgsqlDbType.Jsonb),
            P(commit.DurationMs, NpgsqlDbType.Double), P(commit.InterruptId, NpgsqlDbType.Uuid), P(commit.InterruptKind, NpgsqlDbType.Text),
            P(commit.InterruptPayloadJson, NpgsqlDbType.Jsonb), P(commit.GraphName, NpgsqlDbType.Text), P(commit.Now, NpgsqlDbType.TimestampTz),
            P(commit.ReleaseLease, NpgsqlDbType.Boolean), P(commit.SetsError, NpgsqlDbType.Boolean),
            P(commit.Effects.Select(e => e.EffectKey).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text),
            P(commit.Effects.Select(e => e.ResponseJson).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text));
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! == 1;
    }

    /// <summary>After a commit whose answer was lost: did our commit of <paramref name="step"/> land (run moved on under our token)?</summary>
    public async Task<bool> WasCommittedByAsync(Guid runId, string ownerId, long fencingToken, int step, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection,
            "select count(*) from graph_run where run_id = $1 and $2 <> '' and fencing_token = $3 and step > $4",
            P(runId, NpgsqlDbType.Uuid), P(ownerId, NpgsqlDbType.Text), P(fencingToken, NpgsqlDbType.Bigint), P(step, NpgsqlDbType.Integer));
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! == 1;
    }
}
