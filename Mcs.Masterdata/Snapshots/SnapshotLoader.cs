using System.Data;
using System.Text.Json;
using Mcs.Contracts;
using Mcs.Contracts.MasterData;
using Mcs.Masterdata.Data;
using Mcs.Masterdata.Data.Entities;
using Mcs.Masterdata.Writes;
using Microsoft.EntityFrameworkCore;

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
            var version = await db.Versions.AsNoTracking().Where(v => v.Id == VersionEntity.SingletonId).Select(v => v.Version).SingleAsync(ct);
            var companies = await db.Companies.AsNoTracking().ToListAsync(ct);
            var customers = await db.Customers.AsNoTracking().ToListAsync(ct);
            var contacts = await db.Contacts.AsNoTracking().ToListAsync(ct);
            var products = await db.Products.AsNoTracking().ToListAsync(ct);
            var partNumbers = (await db.PartNumbers.AsNoTracking().ToListAsync(ct))
                .ToLookup(n => n.ProductId, n => new CustomerPartNumber { CustomerId = n.CustomerId, PartNo = n.PartNo });
            await transaction.CommitAsync(ct);
            return new MasterDataSnapshot
            {
                Version = version,
                Companies = [.. companies.OrderBy(c => c.Id, StringComparer.Ordinal).Select(c => c.ToContract())],
                Customers = [.. customers.OrderBy(c => c.Id, StringComparer.Ordinal).Select(c => c.ToContract())],
                Contacts = [.. contacts.OrderBy(c => c.Id, StringComparer.Ordinal).Select(c => c.ToContract())],
                Products = [.. products.OrderBy(p => p.Id, StringComparer.Ordinal)
                    .Select(p => p.ToContract([.. partNumbers[p.Id].OrderBy(n => n.CustomerId, StringComparer.Ordinal).ThenBy(n => n.PartNo, StringComparer.Ordinal)]))],
            };
        }, cancellationToken);
        return new SnapshotEntry(snapshot, JsonSerializer.SerializeToUtf8Bytes(snapshot, McsJsonContext.Default.MasterDataSnapshot));
    }

    /// <summary>A snapshot that came from Redis: the gzip bytes are kept as they are, to be served without re-encoding.</summary>
    public static SnapshotEntry FromGzip(byte[] gzip)
    {
        var json = SnapshotEntry.Decompress(gzip);
        var snapshot = JsonSerializer.Deserialize(json, McsJsonContext.Default.MasterDataSnapshot)
            ?? throw new InvalidDataException("Empty snapshot in Redis.");
        return new SnapshotEntry(snapshot, json, gzip);
    }
}
