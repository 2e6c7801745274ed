using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Mcs.Contracts;
using Mcs.Contracts.Orders;
using Microsoft.Extensions.Options;

namespace Mcs.Orchestrator.Adapters.Erp;

/// <summary>
/// Client of the ERP gateway contract. POSTs are retried here only because every one carries the same
/// <c>Idempotency-Key</c> and <c>external_ref</c>; before each resend whose outcome is unknown (timeout, 5xx, reset)
/// the order is looked up by <c>external_ref</c>, so even a gateway that ignores the key gets no second order.
/// </summary>
public sealed partial class ErpGatewayClient(HttpClient httpClient, IOptions<ErpOptions> options, TimeProvider timeProvider, ILogger<ErpGatewayClient> logger) : IErpGateway
{
    private readonly ErpOptions _options = options.Value;

    public async Task<ErpCallResult> CreateSalesOrderAsync(ErpOrderPayload payload, string idempotencyKey, bool mayHaveBeenSentBefore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(payload.ExternalRef);
        var outcomeUnknown = mayHaveBeenSentBefore;
        ErpFailure? last = null;
        for (var attempt = 1; attempt <= _options.MaxAttempts; attempt++)
        {
            if (outcomeUnknown)
            {
                var lookup = await FindByExternalRefAsync(payload.ExternalRef, cancellationToken);
                if (lookup.Order is { } existing)
                {
                    ErpLog.FoundBeforeResend(logger, payload.ExternalRef, existing.OrderNo);
                    return ErpCallResult.Success(ToResult(existing, ErpOrderOutcome.AlreadyExisted));
                }
                if (lookup.Failure is { } lookupFailure)
                {
                    // Without knowing whether the first POST landed, resending could only be safe if the gateway
                    // honours the key; we don't bet an order on that.
                    last = lookupFailure;
                    await DelayAsync(attempt, cancellationToken);
                    continue;
                }
            }
            var result = await PostAsync(payload, idempotencyKey, cancellationToken);
            if (result.Call is not null)
            {
                return result.Call;
            }
            last = result.Failure!;
            ErpLog.AttemptFailed(logger, attempt, last.Code, last.Message);
            outcomeUnknown = true;
            if (attempt < _options.MaxAttempts)
            {
                await DelayAsync(attempt, cancellationToken);
            }
        }
        return ErpCallResult.Failed(last!);
    }

    public async Task<ErpLookupResult> FindByExternalRefAsync(string externalRef, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(externalRef);
        try
        {
            using var request = NewRequest(HttpMethod.Get, $"v1/sales-orders?external_ref={Uri.EscapeDataString(externalRef)}");
            using var attempt = AttemptToken(cancellationToken);
            using var response = await httpClient.SendAsync(request, attempt.Token);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return new ErpLookupResult();
            }
            if (!response.IsSuccessStatusCode)
            {
                return new ErpLookupResult { Failure = await HttpFailureAsync(response, attempt.Token) };
            }
            var order = await ReadOrderAsync(response, attempt.Token);
            return order is null
                ? new ErpLookupResult { Failure = Protocol("lookup answer is not an order") }
                : new ErpLookupResult { Order = order };
        }
        catch (Exception exception) when (IsTransport(exception, cancellationToken))
        {
            return new ErpLookupResult { Failure = Unavailable(exception.Message) };
        }
    }

    /// <summary>One POST: a final result (order or non-retryable failure) in Call, or a failure with unknown outcome.</summary>
    private async Task<(ErpCallResult? Call, ErpFailure? Failure)> PostAsync(ErpOrderPayload payload, string idempotencyKey, CancellationToken cancellationToken)
    {
        try
        {
            using var request = NewRequest(HttpMethod.Post, "v1/sales-orders");
            request.Headers.Add("Idempotency-Key", idempotencyKey);
            request.Content = JsonContent.Create(payload, options: McsJson.Options);
            using var attempt = AttemptToken(cancellationToken);
            using var response = await httpClient.SendAsync(request, attempt.Token);
            switch (response.StatusCode)
            {
                case HttpStatusCode.Created:
                case HttpStatusCode.OK:
                case HttpStatusCode.Conflict:
                    var order = await ReadOrderAsync(response, attempt.Token);
                    if (order is null || !string.Equals(order.ExternalRef, payload.ExternalRef, StringComparison.Ordinal))
                    {
                        return (ErpCallResult.Failed(Protocol($"HTTP {(int)response.StatusCode} without the order for {payload.ExternalRef}")), null);
                    }
                    var outcome = response.StatusCode == HttpStatusCode.Created ? ErpOrderOutcome.Created : ErpOrderOutcome.AlreadyExisted;
                    return (ErpCallResult.Success(ToResult(order, outcome)), null);
                default:
                    var failure = await HttpFailureAsync(response, attempt.Token);
                    return failure.Retryable ? (null, failure) : (ErpCallResult.Failed(failure), null);
            }
        }
        catch (Exception exception) when (IsTransport(exception, cancellationToken))
        {
            return (null, Unavailable(exception.Message));
        }
    }

    private static ErpOrderResult ToResult(ErpOrderCreated order, ErpOrderOutcome outcome) =>
        new() { OrderId = order.OrderId, OrderNo = order.OrderNo, Outcome = outcome };

    private static async Task<ErpOrderCreated?> ReadOrderAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<ErpOrderCreated>(McsJson.Options, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<ErpFailure> HttpFailureAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var detail = body.Length > 300 ? body[..300] : body;
        if (status == 422)
        {
            return new ErpFailure { Code = ErpErrorCodes.Rejected, Message = $"ERP rejected the order: {detail}", Retryable = false, HttpStatus = status, Errors = ReadErrors(body) };
        }
        if (status >= 500 || status is 408 or 429)
        {
            return new ErpFailure { Code = ErpErrorCodes.Unavailable, Message = $"HTTP {status}: {detail}", Retryable = true, HttpStatus = status };
        }
        return new ErpFailure { Code = ErpErrorCodes.Configuration, Message = $"HTTP {status}: {detail}", Retryable = false, HttpStatus = status };
    }

    private static Dictionary<string, string[]>? ReadErrors(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object
                ? errors.EnumerateObject().ToDictionary(
                    property => property.Name,
                    property => property.Value.ValueKind == JsonValueKind.Array ? property.Value.EnumerateArray().Select(item => item.ToString()).ToArray() : [property.Value.ToString()])
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private HttpRequestMessage NewRequest(HttpMethod method, string path)
    {
        var root = _options.BaseUrl!.AbsoluteUri;
        var request = new HttpRequestMessage(method, new Uri(new Uri(root.EndsWith('/') ? root : root + "/"), path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.ApiKey);
        return request;
    }

    private CancellationTokenSource AttemptToken(CancellationToken outer)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(outer);
        source.CancelAfter(_options.AttemptTimeout);
        return source;
    }

    private Task DelayAsync(int attempt, CancellationToken cancellationToken) =>
        Task.Delay(_options.RetryBaseDelay * Math.Pow(2, attempt - 1), timeProvider, cancellationToken);

    /// <summary>Network errors and attempt timeouts; the caller's own cancellation is not one of them.</summary>
    private static bool IsTransport(Exception exception, CancellationToken cancellationToken) =>
        exception is HttpRequestException or IOException || exception is OperationCanceledException && !cancellationToken.IsCancellationRequested;

    private static ErpFailure Unavailable(string message) =>
        new() { Code = ErpErrorCodes.Unavailable, Message = message, Retryable = true };

    private static ErpFailure Protocol(string message) =>
        new() { Code = ErpErrorCodes.ProtocolError, Message = message, Retryable = false };
}
