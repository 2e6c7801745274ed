using Mcs.Masterdata.Import;
using Mcs.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mcs.Masterdata.Endpoints;

/// <summary><c>POST /v1/masterdata/import</c>: multipart upload of CSV/xlsx files, imported all or nothing.</summary>
public static class ImportEndpoints
{
    public static RouteGroupBuilder MapImportEndpoints(this RouteGroupBuilder group, long maxBodyBytes)
    {
        group.MapPost("/import", ImportAsync).WithTags("Import").WithName("ImportMasterData")
            .WithMetadata(new BodySizeLimit(maxBodyBytes))
            // API-key authenticated, no cookies: antiforgery tokens protect nothing here.
            .DisableAntiforgery()
            .Accepts<IFormFileCollection>("multipart/form-data");
        return group;
    }

    public static async Task<Ok<ImportReport>> ImportAsync(HttpRequest request, MasterdataImporter importer, HttpResponse response, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            throw new McsException(ErrorCodes.MalformedRequest, "Send the files as multipart/form-data (one part per file).", StatusCodes.Status400BadRequest);
        }
        var form = await request.ReadFormAsync(cancellationToken);
        if (form.Files.Count == 0)
        {
            throw new McsException(ErrorCodes.MalformedRequest, "No file in the upload.", StatusCodes.Status400BadRequest);
        }
        var files = new List<(string, byte[])>();
        foreach (var file in form.Files)
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            files.Add((file.FileName, buffer.ToArray()));
        }
        var report = await importer.ImportAsync(files, cancellationToken);
        response.Headers.ETag = EntityTags.ForVersion(report.Version);
        return TypedResults.Ok(report);
    }
}
