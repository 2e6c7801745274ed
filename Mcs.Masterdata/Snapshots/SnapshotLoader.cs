using System.Data;
using System.Text.Json;
using Mcs.Contracts;
using Mcs.Masterdata.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Mcs.Masterdata.Snapshots;

/// <summary>
/// Builds a snapshot from PostgreSQL in one REPEATABLE READ transaction, so the version and every row come from
/// the same instant (a snapshot is never half of one write and half of the next).
/// </summary>
public sealed class SnapshotLoader(IServiceScopeFactory scopes)
{
    public async Task<SnapshotEntry> LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MasterdataDbContext>();
        var strategy = db.Database.CreateExecutionStrategy();
        var snapshot = await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
            // Plain readers straight into the wire records: no EF materialization, no entity → contract copy (ADR-011).
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            var version = (await SnapshotReaders.ReadAsync(connection, "select version from masterdata_version where id = 1", r => r.GetInt64(0), ct))[0];
            var snapshot = await SnapshotReaders.ReadAllAsync(connection, version, ct);
            await transaction.CommitAsync(ct);
            return snapshot;
        }, cancellationToken);
        var entry = new SnapshotEntry(snapshot, JsonSerializer.SerializeToUtf8Bytes(snapshot, McsJsonContext.Default.MasterDataSnapshot));
        await entry.EncodeAllAsync();
        return entry;
    }

    /// <summary>A snapshot that came from Redis: the gzip bytes are kept as they are, to be served without re-encoding.</summary>
    public static async Task<SnapshotEntry> FromGzipAsync(byte[] gzip)
    {
        var json = SnapshotEntry.Decompress(gzip);
        var snapshot = JsonSerializer.Deserialize(json, McsJsonContext.Default.MasterDataSnapshot)
            ?? throw new InvalidDataException("Empty snapshot in Redis.");
        var entry = new SnapshotEntry(snapshot, json, gzip);
        await entry.EncodeAllAsync();
        return entry;
    }
}
