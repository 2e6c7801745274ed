using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mcs.Mocks.Dify;

/// <summary>
/// Dify's input checks (<c>_prepare_user_inputs</c>, the file factory) with its messages, all before a run starts,
/// so every failure is an HTTP 400 <c>invalid_param</c> in both response modes (dify-api.md §2.2, §2.3).
/// </summary>
public sealed class DifyInputValidator(DifyUploadStore uploads, RemoteFileFetcher fetcher)
{
    public async Task<ValidatedInputs> ValidateAsync(DifyApp app, JsonObject? inputs, string user, CancellationToken cancellationToken)
    {
        var validated = new JsonObject();
        ResolvedFile? file = null;
        foreach (var variable in app.Variables)
        {
            var value = inputs?[variable.Name];
            if (value is null)
            {
                if (variable.Required)
                {
                    return ValidatedInputs.Invalid($"{variable.Name} is required in input form");
                }
                continue;
            }
            if (variable.Type == DifyVariable.File)
            {
                if (value is not JsonObject mapping)
                {
                    return ValidatedInputs.Invalid($"{variable.Name} in input form must be a file");
                }
                var (resolved, error) = await ResolveFileAsync(mapping, user, cancellationToken);
                if (error is not null)
                {
                    return ValidatedInputs.Invalid(error);
                }
                file = resolved;
                validated[variable.Name] = mapping.DeepClone();
                continue;
            }
            if (value is not JsonValue text || text.GetValueKind() != JsonValueKind.String)
            {
                return ValidatedInputs.Invalid($"(type '{variable.Type}') {variable.Name} in input form must be a string");
            }
            var cleaned = text.GetValue<string>().Replace("\0", "", StringComparison.Ordinal);
            if (variable.MaxLength is { } max && cleaned.Length > max)
            {
                return ValidatedInputs.Invalid($"{variable.Name} in input form must be less than {max} characters");
            }
            validated[variable.Name] = cleaned;
        }
        return new ValidatedInputs(validated, file, null);
    }

    private async Task<(ResolvedFile? File, string? Error)> ResolveFileAsync(JsonObject mapping, string user, CancellationToken cancellationToken)
    {
        var method = StringOf(mapping["transfer_method"]);
        var declaredType = StringOf(mapping["type"]) ?? DifyFileTypes.Custom;
        var uploadId = StringOf(mapping["upload_file_id"]);
        if (method is null)
        {
            return (null, "transfer_method is required in file mapping");
        }
        if (method == "local_file" || (method == "remote_url" && uploadId is not null))
        {
            if (uploadId is null)
            {
                return (null, "Invalid upload file id");
            }
            if (!Guid.TryParse(uploadId, out var id))
            {
                return (null, "Invalid upload file id format");
            }
            var upload = uploads.Find(id);
            if (upload is null || upload.User != user)
            {
                return (null, "Invalid upload file");
            }
            var typeError = CheckType(declaredType, DifyFileTypes.Detect(upload.Extension, upload.MimeType), upload.Name);
            return typeError is null
                ? (new ResolvedFile("local_file", upload.Name, upload.Content, upload.Sha256, null, null), null)
                : (null, typeError);
        }
        if (method != "remote_url")
        {
            return (null, "Invalid file transfer method");
        }
        var url = StringOf(mapping["url"]) ?? StringOf(mapping["remote_url"]);
        if (url is null)
        {
            return (null, "Invalid file url");
        }
        var remote = await fetcher.FetchAsync(url, cancellationToken);
        if (remote is null)
        {
            return (null, $"Reached maximum retries (3) for URL {url}");
        }
        var remoteTypeError = CheckType(declaredType, DifyFileTypes.Detect(DifyFileTypes.ExtensionOf(remote.Name), remote.MimeType), remote.Name);
        if (remoteTypeError is not null)
        {
            return (null, remoteTypeError);
        }
        var sha = remote.Content is null ? null : Convert.ToHexStringLower(SHA256.HashData(remote.Content));
        return (new ResolvedFile("remote_url", remote.Name, remote.Content, sha, url, remote.StatusCode), null);
    }

    private static string? CheckType(string declared, string detected, string name)
    {
        if (!string.Equals(declared, detected, StringComparison.Ordinal))
        {
            return "Detected file type does not match the specified type. Please verify the file.";
        }
        // Both apps accept documents only (allowed_file_types: [document]).
        return detected == DifyFileTypes.Document ? null : $"File validation failed for file: {name}";
    }

    private static string? StringOf(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;
}
