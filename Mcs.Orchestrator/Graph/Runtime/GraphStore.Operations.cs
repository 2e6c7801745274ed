using System.Text.Json;
using System.Text.Json.Nodes;
using NpgsqlTypes;
using static Mcs.Orchestrator.Graph.Runtime.Sql;

namespace Mcs.Orchestrator.Graph.Runtime;

internal sealed partial class GraphStore
{
    /// <summary>§4.7: decision, run status and <c>resumed</c> audit row in one transaction; the interrupt row lock serializes racing resumes.</summary>
    public async Task<ResumeResult> ResumeAsync(Guid runId, Guid interruptId, string decisionJson, string reviewer, int? expectedStep,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var select = Command(connection, """
            select i.status, i.decision = $3::jsonb, i.step, r.step, r.status from graph_interrupt i join graph_run r on r.run_id = i.run_id
            where i.interrupt_id = $1 and i.run_id = $2 for update of i, r
            """, P(interruptId, NpgsqlDbType.Uuid), P(runId, NpgsqlDbType.Uuid), P(decisionJson, NpgsqlDbType.Jsonb));
        select.Transaction = transaction;
        string status;
        bool? sameDecision;
        int interruptStep, runStep;
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return ResumeResult.NotFound;
            }
            status = reader.GetString(0);
            sameDecision = reader.Nullable<bool?>(1);
            interruptStep = reader.GetInt32(2);
            runStep = reader.GetInt32(3);
        }
        if (status != "open")
        {
            return sameDecision == true ? ResumeResult.AlreadyResumed : ResumeResult.Conflict;
        }
        if ((expectedStep is { } expected && expected != interruptStep) || runStep != interruptStep)
        {
            return ResumeResult.StepMismatch;
        }
        await using (var update = Command(connection, """
            with i as (update graph_interrupt set status = 'resolved', decision = $3, decided_by = $4, decided_at = $5 where interrupt_id = $1),
            r as (update graph_run set status = 'running', not_before = null, claim_count = 0, updated_at = $5 where run_id = $2)
            insert into graph_audit (run_id, step, node, attempt, kind, duration_ms, data, occurred_at)
            select $2, $6, node, 0, 'resumed', 0, jsonb_build_object('interrupt_id', $1::uuid, 'decided_by', $4::text), $5
            from graph_interrupt where interrupt_id = $1
            """, P(interruptId, NpgsqlDbType.Uuid), P(runId, NpgsqlDbType.Uuid), P(decisionJson, NpgsqlDbType.Jsonb),
            P(reviewer, NpgsqlDbType.Text), P(now, NpgsqlDbType.TimestampTz), P(interruptStep, NpgsqlDbType.Integer)))
        {
            update.Transaction = transaction;
            await update.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return ResumeResult.Resumed;
    }

    /// <summary>§4.9: a new run from checkpoint N (same lineage, parent set), <c>forked</c> rows on both runs; the source is untouched.</summary>
    public async Task<Guid?> ForkAsync(Guid sourceRunId, int step, CompiledGraph graph, ReplayOptions options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var source = Command(connection, """
            select r.lineage_id, r.business_key, c.next_node, c.state::text, c.state_schema_version
            from graph_run r join graph_checkpoint c on c.run_id = r.run_id and c.step = $2 where r.run_id = $1
            """, P(sourceRunId, NpgsqlDbType.Uuid), P(step, NpgsqlDbType.Integer));
        source.Transaction = transaction;
        Guid lineage;
        string businessKey, state;
        string? nextNode;
        int schemaVersion;
        await using (var reader = await source.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }
            (lineage, businessKey, nextNode, state, schemaVersion) =
                (reader.GetGuid(0), reader.GetString(1), reader.Nullable<string>(2), reader.GetString(3), reader.GetInt32(4));
        }
        if (options.StateOverride is { } replacement)
        {
            (state, schemaVersion) = (replacement.ToJsonString(), graph.StateSchemaVersion);
        }
        // Replays run under the current graph: validate the state now, so a bad override or a too-new state fails the request, not the run.
        graph.DeserializeStateUntyped(state, schemaVersion);
        var runId = Guid.CreateVersion7(now);
        var audit = new JsonObject
        {
            ["source_run_id"] = sourceRunId.ToString(), ["fork_run_id"] = runId.ToString(), ["step"] = step,
            ["mode"] = Lower(options.Mode), ["new_effect_keys"] = options.NewEffectKeys, ["operator"] = options.Operator,
            ["state_overridden"] = options.StateOverride is not null,
        }.ToJsonString();
        await using var insert = Command(connection, """
            with r as (
              insert into graph_run (run_id, lineage_id, parent_run_id, forked_from_step, graph_name, flow_version, graph_fingerprint,
                business_key, status, step, next_node, attempt, fencing_token, claim_count, replay_mode, new_effect_keys, error_retryable,
                created_at, updated_at, finished_at)
              values ($1, $2, $3, $4, $5, $6, $7, $8, case when $9::text is null then 'succeeded' else 'pending' end, $4, $9, 0, 0, 0,
                $10, $11, false, $14, $14, case when $9::text is null then $14 end)),
            c as (
              insert into graph_checkpoint (run_id, step, node, next_node, state, state_schema_version, state_bytes, created_at)
              values ($1, $4, null, $9, $12, $13, octet_length($12::text), $14))
            insert into graph_audit (run_id, step, node, attempt, kind, duration_ms, data, occurred_at)
            values ($1, $4, coalesce($9, ''), 0, 'forked', 0, $15, $14), ($3, $4, coalesce($9, ''), 0, 'forked', 0, $15, $14)
            """,
            P(runId, NpgsqlDbType.Uuid), P(lineage, NpgsqlDbType.Uuid), P(sourceRunId, NpgsqlDbType.Uuid), P(step, NpgsqlDbType.Integer),
            P(graph.Name, NpgsqlDbType.Text), P(graph.Info.Version, NpgsqlDbType.Integer), P(graph.Info.Fingerprint, NpgsqlDbType.Text),
            P(businessKey, NpgsqlDbType.Text), P(nextNode, NpgsqlDbType.Text), P(Lower(options.Mode), NpgsqlDbType.Text),
            P(options.NewEffectKeys, NpgsqlDbType.Boolean), P(state, NpgsqlDbType.Jsonb), P(schemaVersion, NpgsqlDbType.Integer),
            P(now, NpgsqlDbType.TimestampTz), P(audit, NpgsqlDbType.Jsonb));
        insert.Transaction = transaction;
        await insert.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return runId;
    }

    public async Task<bool> CancelAsync(Guid runId, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, """
            with r as (
              update graph_run set status = 'cancelled', owner_id = null, lease_until = null, error_code = 'cancelled', error_message = $2,
                updated_at = $3, finished_at = $3
              where run_id = $1 and status in ('pending','running','interrupted','blocked') returning run_id, step, next_node),
            i as (update graph_interrupt set status = 'cancelled' where run_id = $1 and status = 'open' and exists (select 1 from r))
            insert into graph_audit (run_id, step, node, attempt, kind, duration_ms, data, occurred_at)
            select run_id, step, coalesce(next_node, ''), 0, 'cancelled', 0, jsonb_build_object('reason', $2::text), $3 from r
            """, P(runId, NpgsqlDbType.Uuid), P(reason, NpgsqlDbType.Text), P(now, NpgsqlDbType.TimestampTz));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>§4.11: deletes intermediate checkpoints of finished runs older than the cutoff (never the first or last step).</summary>
    public async Task<int> PruneCheckpointsAsync(DateTimeOffset finishedBefore, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, """
            delete from graph_checkpoint c using graph_run r
            where c.run_id = r.run_id and r.status in ('succeeded','failed','cancelled') and r.finished_at < $1
              and c.step <> coalesce(r.forked_from_step, 0) and c.step <> r.step
            """, P(finishedBefore, NpgsqlDbType.TimestampTz));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Unfinished runs grouped by graph and next node (the startup check of §4.10).</summary>
    public async Task<IReadOnlyList<(string Graph, string? Node, Guid[] RunIds)>> ActiveNextNodesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, """
            select graph_name, next_node, array_agg(run_id order by run_id) from graph_run
            where status in ('pending','running','interrupted') group by graph_name, next_node
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<(string, string?, Guid[])>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetString(0), reader.Nullable<string>(1), reader.GetFieldValue<Guid[]>(2)));
        }
        return rows;
    }

    internal static string Serialize(JsonElement element) => element.GetRawText();
}
