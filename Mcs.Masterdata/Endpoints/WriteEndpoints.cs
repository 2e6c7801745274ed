using Mcs.Contracts.MasterData;
using Mcs.Masterdata.Data;
using Mcs.Masterdata.Writes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Mcs.Masterdata.Endpoints;

/// <summary>Create-or-update by natural key, and bulk changes; each request is one transaction and one version.</summary>
public static class WriteEndpoints
{
    public static RouteGroupBuilder MapWriteEndpoints(this RouteGroupBuilder group, long maxBodyBytes)
    {
        var limit = new BodySizeLimit(maxBodyBytes);
        group.MapPost("/customers", UpsertCustomerAsync).WithTags("Customers").WithName("UpsertCustomer").WithMetadata(limit);
        group.MapPost("/contacts", UpsertContactAsync).WithTags("Contacts").WithName("UpsertContact").WithMetadata(limit);
        group.MapPut("/bulk", ApplyBulkAsync).WithTags("Bulk").WithName("ApplyBulkChange").WithMetadata(limit);
        return group;
    }

    public static async Task<Results<Created<Customer>, Ok<Customer>>> UpsertCustomerAsync(
        Customer customer, MasterdataStore store, MasterdataDbContext db, HttpResponse response, MasterdataLog log, CancellationToken cancellationToken)
    {
        var outcome = await ApplyAsync(store, new BulkChange { Customers = [customer] }, response, log, cancellationToken);
        var key = customer.CustomerNum.Trim();
        var saved = (await db.Customers.AsNoTracking().SingleAsync(c => c.CustomerNum == key, cancellationToken)).ToContract();
        return outcome.Created > 0
            ? TypedResults.Created((string?)null, saved)
            : TypedResults.Ok(saved);
    }

    public static async Task<Results<Created<Contact>, Ok<Contact>>> UpsertContactAsync(
        Contact contact, MasterdataStore store, MasterdataDbContext db, HttpResponse response, MasterdataLog log, CancellationToken cancellationToken)
    {
        var outcome = await ApplyAsync(store, new BulkChange { Contacts = [contact] }, response, log, cancellationToken);
        var key = ContractMapping.EmailKey(contact.Email);
        var saved = (await db.Contacts.AsNoTracking().SingleAsync(c => c.EmailKey == key, cancellationToken)).ToContract();
        return outcome.Created > 0
            ? TypedResults.Created($"/v1/masterdata/contacts?email={Uri.EscapeDataString(saved.Email)}", saved)
            : TypedResults.Ok(saved);
    }

    public static async Task<Ok<MasterDataVersion>> ApplyBulkAsync(
        BulkChange change, MasterdataStore store, HttpResponse response, MasterdataLog log, CancellationToken cancellationToken)
    {
        var outcome = await ApplyAsync(store, change, response, log, cancellationToken);
        return TypedResults.Ok(new MasterDataVersion(outcome.Version));
    }

    private static async Task<WriteOutcome> ApplyAsync(MasterdataStore store, BulkChange change, HttpResponse response, MasterdataLog log, CancellationToken cancellationToken)
    {
        var outcome = await store.ApplyAsync(change, cancellationToken);
        if (outcome.Changed)
        {
            log.Changed(outcome.Version, outcome.Created, outcome.Updated, outcome.Deleted);
        }
        response.Headers.ETag = EntityTags.ForVersion(outcome.Version);
        return outcome;
    }
}
