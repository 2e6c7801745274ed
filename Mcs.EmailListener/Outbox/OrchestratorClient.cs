using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Mcs.Contracts;
using Mcs.Contracts.Email;
using Mcs.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace Mcs.EmailListener.Outbox;

/// <summary>
/// Hands one <see cref="EmailEvent"/> to <c>POST /v1/orchestrations/sales-email/run</c>. The endpoint is idempotent
/// per <c>delivery_id</c>, so a repeat after a timeout is safe. Any 2xx is accepted; a 4xx other than 408/429 is a
/// permanent rejection; everything else (5xx, timeouts, refused connections) is retried by the outbox.
/// </summary>
public sealed class OrchestratorClient(HttpClient http, IOptions<McsApiKeyOptions> apiKey)
{
    public const string RunPath = "v1/orchestrations/sales-email/run";

    public async Task<DispatchOutcome> SendAsync(EmailEvent emailEvent, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, RunPath)
        {
            Content = JsonContent.Create(emailEvent, McsJsonContext.Default.EmailEvent),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey.Value.ApiKey);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return DispatchOutcome.Accepted(ReadString(body, "run_id"));
            }
            var status = (int)response.StatusCode;
            var reason = $"http_{status}" + (ReadString(body, "code") is { } code ? $" {code}" : "");
            return status is >= 400 and < 500 and not (int)HttpStatusCode.RequestTimeout and not (int)HttpStatusCode.TooManyRequests
                ? DispatchOutcome.Rejected(reason)
                : DispatchOutcome.Retry(reason);
        }
        catch (HttpRequestException exception)
        {
            return DispatchOutcome.Retry("connection: " + (exception.HttpRequestError.ToString()));
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DispatchOutcome.Retry("timeout");
        }
    }

    private static string? ReadString(string body, string property)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
