using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Mcs.Mocks.Dify;

/// <summary><c>POST /v1/files/upload</c> (dify-api.md §4): one multipart <c>file</c> part, optional <c>user</c>, 201.</summary>
public sealed class DifyUploadHandler(DifyUploadStore uploads, DifyCallLog calls, TimeProvider time)
{
    private const long MegaByte = 1024 * 1024;

    public async Task<IResult> UploadAsync(DifyApp app, HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return Refused(app, DifyErrors.Json(400, "no_file_uploaded", "No file uploaded."), "no_file_uploaded");
        }
        var form = await request.ReadFormAsync(cancellationToken);
        if (form.Files.Count == 0 || form.Files.GetFile("file") is null)
        {
            return Refused(app, DifyErrors.Json(400, "no_file_uploaded", "No file uploaded."), "no_file_uploaded");
        }
        if (form.Files.Count > 1)
        {
            return Refused(app, DifyErrors.Json(400, "too_many_files", "Only one file is allowed."), "too_many_files");
        }
        var file = form.Files[0];
        if (string.IsNullOrWhiteSpace(file.FileName))
        {
            return Refused(app, DifyErrors.Json(400, "filename_not_exists_error", "The specified filename does not exist."), "filename_not_exists_error");
        }
        if (string.IsNullOrWhiteSpace(file.ContentType))
        {
            return Refused(app, DifyErrors.Json(415, "unsupported_file_type", "File type not allowed."), "unsupported_file_type");
        }
        if (file.FileName.Contains('/') || file.FileName.Contains('\\'))
        {
            return Refused(app, DifyErrors.InvalidParam("Filename contains invalid characters"), "invalid_param");
        }
        var name = file.FileName.Length > 200 ? file.FileName[..200] : file.FileName;
        var extension = DifyFileTypes.ExtensionOf(name);
        var limit = LimitFor(DifyFileTypes.Detect(extension, file.ContentType));
        if (file.Length > limit)
        {
            return Refused(app, DifyErrors.Json(413, "file_too_large", $"File size exceeded. {file.Length} > {limit}"), "file_too_large");
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var content = buffer.ToArray();
        var user = form["user"].ToString() is { Length: > 0 } given ? given : "DEFAULT-USER";
        var upload = new DifyUpload(Guid.NewGuid(), name, extension, file.ContentType, user, content,
            Convert.ToHexStringLower(SHA256.HashData(content)), time.GetUtcNow().ToUnixTimeSeconds());
        uploads.Add(upload);
        calls.Add(new DifyCall
        {
            Endpoint = "files/upload",
            Workflow = app.Workflow,
            ReceivedAt = time.GetUtcNow(),
            User = user,
            FileSha256 = upload.Sha256,
            Answer = "created",
        });
        return TypedResults.Text(Describe(upload).ToJsonString(), "application/json", statusCode: StatusCodes.Status201Created);
    }

    private IResult Refused(DifyApp app, IResult result, string code)
    {
        calls.Add(new DifyCall { Endpoint = "files/upload", Workflow = app.Workflow, ReceivedAt = time.GetUtcNow(), Answer = code });
        return result;
    }

    private static long LimitFor(string type) => type switch
    {
        DifyFileTypes.Image => 10 * MegaByte,
        DifyFileTypes.Audio => 50 * MegaByte,
        DifyFileTypes.Video => 100 * MegaByte,
        _ => 15 * MegaByte,
    };

    private static JsonObject Describe(DifyUpload upload) => new()
    {
        ["id"] = upload.Id.ToString(),
        ["name"] = upload.Name,
        ["size"] = upload.Content.Length,
        ["extension"] = upload.Extension,
        ["mime_type"] = upload.MimeType,
        ["created_by"] = new Guid(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(upload.User)).AsSpan(0, 16)).ToString(),
        ["created_at"] = upload.CreatedAt,
        ["preview_url"] = null,
        ["source_url"] = $"/files/{upload.Id}/file-preview",
        ["original_url"] = null,
        ["user_id"] = null,
        ["tenant_id"] = null,
        ["conversation_id"] = null,
        ["file_key"] = null,
    };
}
