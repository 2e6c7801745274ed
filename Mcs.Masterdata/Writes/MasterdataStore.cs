using Mcs.Contracts.MasterData;
using Mcs.Masterdata.Data;
using Mcs.Masterdata.Data.Entities;
using Mcs.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Mcs.Masterdata.Writes;

/// <summary>
/// The one write path: upserts by id or natural key and deletes by id, in one transaction that bumps the version
/// exactly once. The bump is the transaction's first statement, so its row lock queues concurrent writers: each
/// sees the previous one's committed rows, so no update is lost and versions never repeat.
/// </summary>
public sealed class MasterdataStore(MasterdataDbContext db, TimeProvider time)
{
    /// <param name="change">Upserts and deletes.</param>
    /// <param name="cancellationToken">Aborts the request; nothing is written.</param>
    /// <param name="onlyIfVersion">When set, the change is applied only on top of exactly this version (else 409 <c>conflict</c>).</param>
    public async Task<WriteOutcome> ApplyAsync(BulkChange change, CancellationToken cancellationToken, long? onlyIfVersion = null)
    {
        change = ListDefaults.Apply(change);
        MasterdataValidator.ThrowIfInvalid(change);
        if (IsEmpty(change))
        {
            return new WriteOutcome(await CurrentVersionAsync(cancellationToken), 0, 0, 0);
        }
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var version = await BumpVersionAsync(transaction, ct);
            if (onlyIfVersion is { } expected && version - 1 != expected)
            {
                // Disposing the transaction uncommitted rolls the bump back.
                throw new McsException(ErrorCodes.Conflict, $"The master data is at version {version - 1}, not {expected}.", StatusCodes.Status409Conflict);
            }
            var outcome = await WriteAsync(change, version, ct);
            await transaction.CommitAsync(ct);
            return outcome;
        }, cancellationToken);
    }

    public async Task<long> CurrentVersionAsync(CancellationToken cancellationToken) =>
        await db.Versions.AsNoTracking().Where(v => v.Id == VersionEntity.SingletonId).Select(v => v.Version).SingleAsync(cancellationToken);

    private async Task<WriteOutcome> WriteAsync(BulkChange change, long version, CancellationToken ct)
    {
        // Rows are read without tracking and written by COPY + INSERT … ON CONFLICT (CopyUpsert): EF only plans.
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var (created, updated) = (0, 0);
        void Count(int c, int u) => (created, updated) = (created + c, updated + u);

        var deletes = change.Delete ?? new BulkDelete();
        if (change.Companies is { Count: > 0 } companies)
        {
            var ids = companies.Select(c => c.CompanyId).ToList();
            var keys = companies.Select(c => c.Code.Trim()).ToList();
            var existing = await db.Companies.AsNoTracking().Where(c => ids.Contains(c.Id) || keys.Contains(c.Code)).ToListAsync(ct);
            var plan = UpsertPlan.Resolve(companies, "companies", "code", c => c.CompanyId, c => c.Code.Trim(), existing, e => e.Id, e => e.Code,
                id => new CompanyEntity { Id = id, Code = "", Name = "" }, (e, c) => e.CopyFrom(c));
            await UpsertAsync(connection, CopyRows.Companies, plan, ct);
            Count(plan.Created.Count, plan.Updated.Count);
        }
        var customerIds = new List<string>();
        if (change.Customers is { Count: > 0 } customers)
        {
            var ids = customers.Select(c => c.CustomerId).ToList();
            var keys = customers.Select(c => c.CustomerNum.Trim()).ToList();
            var existing = await db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id) || keys.Contains(c.CustomerNum)).ToListAsync(ct);
            var plan = UpsertPlan.Resolve(customers, "customers", "customer_num", c => c.CustomerId, c => c.CustomerNum.Trim(), existing, e => e.Id, e => e.CustomerNum,
                id => new CustomerEntity { Id = id, CustomerNum = "", Name = "", SalesOwnerEmail = "", Currency = "", Status = "" }, (e, c) => e.CopyFrom(c));
            await UpsertAsync(connection, CopyRows.Customers, plan, ct);
            Count(plan.Created.Count, plan.Updated.Count);
            customerIds = plan.FinalIds;
        }
        await CheckCustomerReferencesAsync(change, customerIds, deletes, ct);
        if (change.Contacts is { Count: > 0 } contacts)
        {
            var ids = contacts.Select(c => c.ContactId).ToList();
            var keys = contacts.Select(c => ContractMapping.EmailKey(c.Email)).ToList();
            var existing = await db.Contacts.AsNoTracking().Where(c => ids.Contains(c.Id) || keys.Contains(c.EmailKey)).ToListAsync(ct);
            var plan = UpsertPlan.Resolve(contacts, "contacts", "email", c => c.ContactId, c => ContractMapping.EmailKey(c.Email), existing, e => e.Id, e => e.EmailKey,
                id => new ContactEntity { Id = id, CustomerId = "", Name = "", Email = "", EmailKey = "" }, (e, c) => e.CopyFrom(c));
            await UpsertAsync(connection, CopyRows.Contacts, plan, ct);
            Count(plan.Created.Count, plan.Updated.Count);
        }
        if (change.Products is { Count: > 0 } products)
        {
            var ids = products.Select(p => p.ProductId).ToList();
            var keys = products.Select(p => p.Sku.Trim()).ToList();
            var existing = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id) || keys.Contains(p.Sku)).ToListAsync(ct);
            var plan = UpsertPlan.Resolve(products, "products", "sku", p => p.ProductId, p => p.Sku.Trim(), existing, e => e.Id, e => e.Sku,
                id => new ProductEntity { Id = id, Sku = "", Name = "", Unit = "", Currency = "", Status = "" }, (e, p) => e.CopyFrom(p));
            await UpsertAsync(connection, CopyRows.Products, plan, ct);
            Count(plan.Created.Count, plan.Updated.Count);
            // Part numbers are part of the product: an upsert replaces the whole list.
            var updatedIds = plan.Updated.Select(p => p.Id).ToList();
            if (updatedIds.Count > 0)
            {
                await db.PartNumbers.Where(n => updatedIds.Contains(n.ProductId)).ExecuteDeleteAsync(ct);
            }
            var numbers = new List<CustomerPartNumberEntity>();
            for (var i = 0; i < products.Count; i++)
            {
                numbers.AddRange(products[i].CustomerPartNumbers.Select(n =>
                    new CustomerPartNumberEntity { ProductId = plan.FinalIds[i], CustomerId = n.CustomerId, PartNo = n.PartNo.Trim() }));
            }
            await CopyUpsert.InsertAsync(connection, CopyRows.PartNumbers, numbers, ct);
        }
        var deleted = await DeleteAsync(deletes, ct);
        return new WriteOutcome(version, created, updated, deleted);
    }

    private static async Task UpsertAsync<TEntity>(NpgsqlConnection connection, CopyTable<TEntity> table,
        (List<TEntity> Created, List<TEntity> Updated, List<string> FinalIds) plan, CancellationToken ct)
    {
        try
        {
            await CopyUpsert.UpsertAsync(connection, table, [.. plan.Created, .. plan.Updated], ct);
        }
        catch (PostgresException unique) when (unique.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Only reachable when a natural key moves onto another row's key within the request; the plan catches the rest.
            throw new McsException(MasterdataErrorCodes.DuplicateNaturalKey,
                $"A natural key is used twice ({unique.ConstraintName}: {unique.Detail}); nothing was written.", StatusCodes.Status409Conflict);
        }
    }

    /// <summary>Every customer a contact or part number points at must exist once this change is applied (422 naming the row).</summary>
    private async Task CheckCustomerReferencesAsync(BulkChange change, List<string> upsertedCustomerIds, BulkDelete deletes, CancellationToken ct)
    {
        var references = new List<(string Field, string CustomerId)>();
        for (var i = 0; i < (change.Contacts?.Count ?? 0); i++)
        {
            references.Add(($"contacts[{i}].customer_id", change.Contacts![i].CustomerId));
        }
        for (var i = 0; i < (change.Products?.Count ?? 0); i++)
        {
            var numbers = change.Products![i].CustomerPartNumbers;
            for (var j = 0; j < numbers.Count; j++)
            {
                references.Add(($"products[{i}].customer_part_numbers[{j}].customer_id", numbers[j].CustomerId));
            }
        }
        if (references.Count == 0)
        {
            return;
        }
        var wanted = references.Select(r => r.CustomerId).Distinct().ToList();
        var known = (await db.Customers.AsNoTracking().Where(c => wanted.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        known.UnionWith(upsertedCustomerIds);
        known.ExceptWith(deletes.Customers ?? []);
        var missing = references.Where(r => !known.Contains(r.CustomerId)).ToList();
        if (missing.Count > 0)
        {
            throw new McsException(ErrorCodes.UnprocessableReference,
                $"{missing[0].Field}: customer '{missing[0].CustomerId}' does not exist ({missing.Count} dangling reference(s)); nothing was written.",
                StatusCodes.Status422UnprocessableEntity)
            {
                Errors = missing.Take(100).ToDictionary(m => m.Field, m => new[] { $"customer '{m.CustomerId}' does not exist" }),
            };
        }
    }

    private async Task<int> DeleteAsync(BulkDelete deletes, CancellationToken ct)
    {
        var contacts = deletes.Contacts ?? [];
        var products = deletes.Products ?? [];
        var customers = deletes.Customers ?? [];
        var companies = deletes.Companies ?? [];
        try
        {
            // Children first, so deleting a customer and its contacts together succeeds.
            return await db.Contacts.Where(c => contacts.Contains(c.Id)).ExecuteDeleteAsync(ct)
                + await db.Products.Where(p => products.Contains(p.Id)).ExecuteDeleteAsync(ct)
                + await db.Customers.Where(c => customers.Contains(c.Id)).ExecuteDeleteAsync(ct)
                + await db.Companies.Where(c => companies.Contains(c.Id)).ExecuteDeleteAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            throw new McsException(MasterdataErrorCodes.StillReferenced,
                $"A deleted row is still referenced ({e.ConstraintName}): delete or move its contacts first; nothing was written.",
                StatusCodes.Status409Conflict);
        }
    }

    private async Task<long> BumpVersionAsync(IDbContextTransaction transaction, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var command = new NpgsqlCommand(
            "update masterdata_version set version = version + 1, changed_at = @at where id = 1 returning version",
            connection, (NpgsqlTransaction)transaction.GetDbTransaction());
        command.Parameters.AddWithValue("at", time.GetUtcNow());
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    private static bool IsEmpty(BulkChange change) =>
        (change.Companies?.Count ?? 0) + (change.Customers?.Count ?? 0) + (change.Contacts?.Count ?? 0) + (change.Products?.Count ?? 0)
        + (change.Delete?.Companies?.Count ?? 0) + (change.Delete?.Customers?.Count ?? 0) + (change.Delete?.Contacts?.Count ?? 0)
        + (change.Delete?.Products?.Count ?? 0) == 0;
}
