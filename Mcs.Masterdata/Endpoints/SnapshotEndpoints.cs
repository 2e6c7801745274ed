using Mcs.Contracts.MasterData;
using Mcs.Masterdata.Snapshots;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Mcs.Masterdata.Endpoints;

/// <summary><c>GET /all</c> (pre-encoded bytes, ETag, 304, gzip/brotli) and <c>GET /version</c>.</summary>
public static class SnapshotEndpoints
{
    public static RouteGroupBuilder MapSnapshotEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/all", GetAllAsync).WithTags("Snapshot").WithName("GetAllMasterData")
            .Produces<MasterDataSnapshot>(contentType: "application/json").Produces(StatusCodes.Status304NotModified);
        group.MapGet("/version", GetVersionAsync).WithTags("Snapshot").WithName("GetMasterDataVersion");
        return group;
    }

    public static async Task<Results<FileContentHttpResult, StatusCodeHttpResult>> GetAllAsync(HttpContext context, SnapshotCache cache, CancellationToken cancellationToken)
    {
        var (request, response) = (context.Request, context.Response);
        response.Headers.Vary = HeaderNames.AcceptEncoding;
        response.Headers.CacheControl = "no-cache";
        // The cheap path first: a client that holds the current version needs no snapshot at all.
        var version = await cache.CurrentVersionAsync();
        if (EntityTags.NoneMatchHits(request.Headers.IfNoneMatch, version))
        {
            response.Headers.ETag = EntityTags.ForVersion(version);
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        var entry = await cache.GetAsync(cancellationToken);
        response.Headers.ETag = entry.ETag;
        var encoding = ChooseEncoding(request.Headers.AcceptEncoding);
        if (encoding is not null)
        {
            response.Headers.ContentEncoding = encoding;
        }
        var body = encoding switch
        {
            "br" => entry.Brotli,
            "gzip" => entry.Gzip,
            _ => entry.Json,
        };
        return TypedResults.Bytes(body, "application/json; charset=utf-8");
    }

    public static async Task<Results<Ok<MasterDataVersion>, StatusCodeHttpResult>> GetVersionAsync(HttpContext context, SnapshotCache cache)
    {
        var version = await cache.CurrentVersionAsync();
        context.Response.Headers.ETag = EntityTags.ForVersion(version);
        context.Response.Headers.CacheControl = "no-cache";
        if (EntityTags.NoneMatchHits(context.Request.Headers.IfNoneMatch, version))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        return TypedResults.Ok(new MasterDataVersion(version));
    }

    /// <summary>Brotli when the client takes it (smaller), else gzip, else identity; <c>q=0</c> refuses.</summary>
    public static string? ChooseEncoding(StringValues acceptEncoding)
    {
        if (StringValues.IsNullOrEmpty(acceptEncoding) || !StringWithQualityHeaderValue.TryParseList(acceptEncoding, out var offers))
        {
            return null;
        }
        bool Accepts(string name) => offers.Any(o => (o.Value.Equals(name, StringComparison.OrdinalIgnoreCase) || o.Value == "*") && (o.Quality ?? 1) > 0)
            && !offers.Any(o => o.Value.Equals(name, StringComparison.OrdinalIgnoreCase) && o.Quality == 0);
        return Accepts("br") ? "br" : Accepts("gzip") ? "gzip" : null;
    }
}
