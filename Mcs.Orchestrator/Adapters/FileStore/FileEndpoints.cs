using Mcs.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mcs.Orchestrator.Adapters.FileStore;

/// <summary><c>GET /v1/files/{id}</c>: anonymous, the signed query string is the credential (architecture.md).</summary>
public static class FileEndpoints
{
    public static RouteGroupBuilder MapFileEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/" + FileUrlSigner.RoutePrefix).WithTags("Files").AllowAnonymous();
        group.MapGet("/{id}", GetFileAsync).WithName("GetSignedFile");
        return group;
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetFileAsync(
        string id, string? expires, string? sig, FileUrlSigner signer, IFileStore store, CancellationToken cancellationToken)
    {
        // Same answer for expired, tampered and unknown-id-with-bad-signature: nothing to learn by probing.
        if (!signer.IsValid(id, expires, sig))
        {
            return Problem(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, "The file URL is expired or its signature is not valid.");
        }
        var file = await store.GetAsync(id, cancellationToken);
        if (file is null)
        {
            return Problem(StatusCodes.Status404NotFound, ErrorCodes.NotFound, "No such file.");
        }
        return TypedResults.File(file.Content.ToArray(), file.File.ContentType, file.File.FileName);
    }

    private static ProblemHttpResult Problem(int status, string code, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, extensions: new Dictionary<string, object?> { ["code"] = code, ["retryable"] = false });
}
