using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mcs.Contracts;
using Mcs.Contracts.Orders;
using Mcs.Contracts.Results;
using Microsoft.Extensions.Options;

namespace Mcs.Orchestrator.Adapters.Dify;

/// <summary>
/// Typed client of the Dify service API for both workflow apps. Retries here (not in an HTTP handler) because
/// whether a retry helps depends on the body: HTTP 200 can be a failed run, 400 can be a flaky remote file host.
/// </summary>
public sealed partial class DifyWorkflowClient(
    HttpClient httpClient,
    IOptions<DifyOptions> options,
    TimeProvider timeProvider,
    ILogger<DifyWorkflowClient> logger) : IDifyWorkflowClient
{
    private readonly DifyOptions _options = options.Value;

    public Task<DifyOutcome<DifyUploadedFile>> UploadFileAsync(ReadOnlyMemory<byte> content, string fileName, string contentType, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        return WithRetriesAsync("upload", async token =>
        {
            using var form = new MultipartFormDataContent();
            var file = new ReadOnlyMemoryContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue(string.IsNullOrWhiteSpace(contentType) ? "application/octet-stream" : contentType);
            form.Add(file, "file", Path.GetFileName(fileName));
            form.Add(new StringContent(_options.User), "user");
            using var request = NewRequest(HttpMethod.Post, "files/upload", _options.ContractKey, form);
            using var attempt = AttemptToken(_options.BlockingAttemptTimeout, token);
            using var response = await httpClient.SendAsync(request, attempt.Token);
            var body = await response.Content.ReadAsStringAsync(attempt.Token);
            if (!response.IsSuccessStatusCode)
            {
                return DifyAttempt<DifyUploadedFile>.Fail(DifyErrorClassifier.FromHttp(response.StatusCode, body), RetryAfter(response));
            }
            var json = JsonRepair.ParseObject(body);
            var id = LenientFields.Text(json?["id"]);
            if (id is null)
            {
                return DifyAttempt<DifyUploadedFile>.Fail(DifyErrorClassifier.InvalidOutput("upload answer without id", null, retryable: false));
            }
            var size = json?["size"] is JsonValue s && s.TryGetValue<long>(out var n) ? n : content.Length;
            return DifyAttempt<DifyUploadedFile>.Ok(new DifyUploadedFile(id, LenientFields.Text(json?["name"]) ?? fileName, size), null, []);
        }, cancellationToken);
    }

    public Task<DifyOutcome<DifyContractResult>> RunContractAsync(DifyContractInputs inputs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var body = new JsonObject
        {
            ["email_subject"] = inputs.EmailSubject,
            ["email_body"] = inputs.EmailBody,
            ["sender"] = inputs.Sender,
            ["customer_hint"] = inputs.CustomerHint,
            ["contract_pdf"] = FileObject(inputs.ContractPdf),
        };
        return RunWorkflowAsync("contract", _options.ContractKey, body, DifyOutputParser.ParseContract, cancellationToken);
    }

    public Task<DifyOutcome<ErpOrderPayload>> RunOrderPayloadAsync(DifyOrderInputs inputs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var body = new JsonObject
        {
            ["contract"] = JsonSerializer.Serialize(inputs.Contract, McsJson.Options),
            ["customer"] = JsonSerializer.Serialize(inputs.Customer, McsJson.Options),
            ["company"] = JsonSerializer.Serialize(inputs.Company, McsJson.Options),
            ["candidate_products"] = JsonSerializer.Serialize(inputs.CandidateProducts, McsJson.Options),
        };
        return RunWorkflowAsync("order_payload", _options.OrderKey, body, DifyOutputParser.ParseOrderPayload, cancellationToken);
    }

    private Task<DifyOutcome<T>> RunWorkflowAsync<T>(string workflow, string key, JsonObject inputs, Func<JsonObject?, DifyParseResult<T>> parse, CancellationToken cancellationToken)
        where T : class
    {
        var streaming = _options.ResponseMode == DifyResponseMode.Streaming;
        var payload = new JsonObject
        {
            ["inputs"] = inputs,
            ["response_mode"] = streaming ? "streaming" : "blocking",
            ["user"] = _options.User,
        }.ToJsonString();
        return WithRetriesAsync(workflow, async token =>
        {
            using var request = NewRequest(HttpMethod.Post, "workflows/run", key, new StringContent(payload, Encoding.UTF8, "application/json"));
            using var attempt = AttemptToken(streaming ? _options.StreamIdleTimeout : _options.BlockingAttemptTimeout, token);
            using var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token);
            if (!response.IsSuccessStatusCode)
            {
                var error = await response.Content.ReadAsStringAsync(attempt.Token);
                return DifyAttempt<T>.Fail(DifyErrorClassifier.FromHttp(response.StatusCode, error), RetryAfter(response));
            }
            DifyRunData? run;
            if (streaming)
            {
                // From here on the idle timeout of the reader guards the stream, not the attempt token.
                var reader = new DifyStreamReader(_options.StreamIdleTimeout);
                await using var stream = await response.Content.ReadAsStreamAsync(token);
                var (finished, streamError) = await reader.ReadAsync(stream, token);
                if (streamError is not null)
                {
                    return DifyAttempt<T>.Fail(streamError);
                }
                run = finished ?? await ResolveLostStreamAsync(workflow, key, reader.RunId, reader.TaskId, token);
                if (run is null)
                {
                    return DifyAttempt<T>.Fail(DifyErrorClassifier.Unavailable("stream ended without workflow_finished and the run did not finish", reader.RunId));
                }
            }
            else
            {
                var body = JsonRepair.ParseObject(await response.Content.ReadAsStringAsync(attempt.Token));
                if (body?["data"] is not JsonObject data)
                {
                    return DifyAttempt<T>.Fail(DifyErrorClassifier.Unavailable("blocking answer without data"));
                }
                run = DifyStreamReader.ToRunData(data, LenientFields.Text(body["workflow_run_id"]), LenientFields.Text(body["task_id"]));
            }
            return Evaluate(run, parse);
        }, cancellationToken);
    }

    private DifyAttempt<T> Evaluate<T>(DifyRunData run, Func<JsonObject?, DifyParseResult<T>> parse)
        where T : class
    {
        var warnings = new List<string>();
        switch (run.Status)
        {
            case "succeeded":
                break;
            case "partial-succeeded" when _options.AcceptPartialSucceeded:
                warnings.Add($"dify run partial-succeeded: {run.Error ?? "a node used its error branch"}");
                break;
            default:
                return DifyAttempt<T>.Fail(DifyErrorClassifier.FromRun(run.Status, run.Error, run.RunId));
        }
        var parsed = parse(run.Outputs);
        if (parsed.Value is null)
        {
            // Dify intermittently answers "succeeded" with empty outputs (#23777): that one is worth another run.
            var empty = parsed.Error!.StartsWith("empty_output", StringComparison.Ordinal);
            return DifyAttempt<T>.Fail(DifyErrorClassifier.InvalidOutput(parsed.Error, run.RunId, retryable: empty));
        }
        warnings.AddRange(parsed.Warnings);
        return DifyAttempt<T>.Ok(parsed.Value, run.RunId, warnings);
    }

    private static JsonObject FileObject(DifyFileInput file) => file.UploadFileId is not null
        ? new JsonObject { ["type"] = "document", ["transfer_method"] = "local_file", ["upload_file_id"] = file.UploadFileId }
        : new JsonObject { ["type"] = "document", ["transfer_method"] = "remote_url", ["url"] = file.Url!.AbsoluteUri };

    private HttpRequestMessage NewRequest(HttpMethod method, string path, string key, HttpContent? content)
    {
        var request = new HttpRequestMessage(method, new Uri(BaseUri(), path)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return request;
    }

    private Uri BaseUri()
    {
        var text = _options.BaseUrl!.AbsoluteUri;
        return new Uri(text.EndsWith('/') ? text : text + "/");
    }

    private static CancellationTokenSource AttemptToken(TimeSpan timeout, CancellationToken outer)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(outer);
        source.CancelAfter(timeout);
        return source;
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }
        return header?.Date is { } date ? date - DateTimeOffset.UtcNow : null;
    }
}
