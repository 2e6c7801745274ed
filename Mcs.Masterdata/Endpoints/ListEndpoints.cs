using Mcs.Contracts;
using Mcs.Contracts.MasterData;
using Mcs.Masterdata.Snapshots;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mcs.Masterdata.Endpoints;

/// <summary>Paged lists, served from the current cached snapshot (so a page is always consistent with one version).</summary>
public static class ListEndpoints
{
    public static RouteGroupBuilder MapListEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/customers", GetCustomersAsync).WithTags("Customers").WithName("ListCustomers");
        group.MapGet("/contacts", GetContactsAsync).WithTags("Contacts").WithName("ListContacts");
        group.MapGet("/companies", GetCompaniesAsync).WithTags("Companies").WithName("ListCompanies");
        group.MapGet("/products", GetProductsAsync).WithTags("Products").WithName("ListProducts");
        return group;
    }

    public static async Task<Ok<PagedList<Customer>>> GetCustomersAsync(SnapshotCache cache, HttpResponse response, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var entry = await GetAsync(cache, response, cancellationToken);
        return TypedResults.Ok(Paging.Page(entry.Snapshot.Customers, c => c.CustomerId, limit, cursor));
    }

    /// <summary>Contacts; <c>?email=</c> finds the one contact with that address, whatever its letter case.</summary>
    public static async Task<Ok<PagedList<Contact>>> GetContactsAsync(SnapshotCache cache, HttpResponse response, int? limit, string? cursor, string? email, CancellationToken cancellationToken)
    {
        var entry = await GetAsync(cache, response, cancellationToken);
        IReadOnlyList<Contact> source = email is null
            ? entry.Snapshot.Contacts
            : entry.ContactsByEmail.TryGetValue(email.Trim().ToLowerInvariant(), out var contact) ? [contact] : [];
        return TypedResults.Ok(Paging.Page(source, c => c.ContactId, limit, cursor));
    }

    public static async Task<Ok<PagedList<Company>>> GetCompaniesAsync(SnapshotCache cache, HttpResponse response, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var entry = await GetAsync(cache, response, cancellationToken);
        return TypedResults.Ok(Paging.Page(entry.Snapshot.Companies, c => c.CompanyId, limit, cursor));
    }

    public static async Task<Ok<PagedList<Product>>> GetProductsAsync(SnapshotCache cache, HttpResponse response, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var entry = await GetAsync(cache, response, cancellationToken);
        return TypedResults.Ok(Paging.Page(entry.Snapshot.Products, p => p.ProductId, limit, cursor));
    }

    private static async Task<SnapshotEntry> GetAsync(SnapshotCache cache, HttpResponse response, CancellationToken cancellationToken)
    {
        var entry = await cache.GetAsync(cancellationToken);
        // The version the page was read at: a client paging through can tell that data moved under it.
        response.Headers.ETag = entry.ETag;
        return entry;
    }
}
