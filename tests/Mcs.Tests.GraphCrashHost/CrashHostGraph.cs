using Mcs.Orchestrator.Graph;
using Npgsql;

namespace Mcs.Tests.GraphCrashHost;

/// <summary>
/// prepare → create_order → notify. The "ERP" is the table <c>fake_erp_order</c> in its own connection (outside the
/// engine's transactions, like a remote system); it ignores idempotency keys and can be searched by reference.
/// </summary>
public static class CrashHostGraph
{
    public const string Name = "crash-host";

    public const string CreateErpTable = "create table if not exists fake_erp_order (id bigserial primary key, reference text not null)";

    public static CompiledGraph<CrashState> Build(NpgsqlDataSource erp) =>
        new GraphBuilder<CrashState>(Name, 1)
            .Node("prepare", (s, ctx, ct) => NodeResult.ContinueTask(s with { Visited = [.. s.Visited, "prepare"] }))
            .Node("create_order", async (s, ctx, ct) =>
            {
                var order = await ctx.EffectAsync("create_order", (key, token) => CreateAsync(erp, key, token), (key, token) => FindAsync(erp, key, token), ct);
                return NodeResult.Continue(s with { Visited = [.. s.Visited, "create_order"], OrderId = order.Id });
            })
            .Node("notify", (s, ctx, ct) => NodeResult.ContinueTask(s with { Visited = [.. s.Visited, "notify"] }))
            .Start("prepare").Edge("prepare", "create_order").Edge("create_order", "notify").Edge("notify", GraphNames.End)
            .Build();

    private static async Task<ErpOrderRow> CreateAsync(NpgsqlDataSource erp, string reference, CancellationToken cancellationToken)
    {
        await using var command = erp.CreateCommand("insert into fake_erp_order (reference) values ($1) returning id");
        command.Parameters.Add(new NpgsqlParameter { Value = reference });
        return new ErpOrderRow((long)(await command.ExecuteScalarAsync(cancellationToken))!);
    }

    private static async Task<ErpOrderRow?> FindAsync(NpgsqlDataSource erp, string reference, CancellationToken cancellationToken)
    {
        await using var command = erp.CreateCommand("select id from fake_erp_order where reference = $1 order by id limit 1");
        command.Parameters.Add(new NpgsqlParameter { Value = reference });
        return await command.ExecuteScalarAsync(cancellationToken) is long id ? new ErpOrderRow(id) : null;
    }
}

public sealed record CrashState : IGraphState
{
    public int SchemaVersion { get; init; } = 1;

    public IReadOnlyList<string> Visited { get; init; } = [];

    public long? OrderId { get; init; }
}

public sealed record ErpOrderRow(long Id);
