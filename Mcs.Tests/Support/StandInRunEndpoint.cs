using System.Collections.Concurrent;
using System.Text.Json;
using Mcs.Contracts;
using Mcs.Contracts.Email;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Mcs.Tests.Support;

/// <summary>
/// A stand-in for the orchestrator's <c>POST /v1/orchestrations/sales-email/run</c> on a free loopback port: records
/// every request (and its bearer key) and answers with the status a test sets (202 by default; 503, 400, ...).
/// </summary>
public sealed class StandInRunEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StandInRunEndpoint(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    /// <summary>The status every next request gets.</summary>
    public int StatusCode { get; set; } = StatusCodes.Status202Accepted;

    public ConcurrentQueue<EmailEvent> Received { get; } = new();

    public ConcurrentQueue<string?> Authorizations { get; } = new();

    /// <summary>Only requests answered 2xx.</summary>
    public ConcurrentQueue<EmailEvent> Accepted { get; } = new();

    public static async Task<StandInRunEndpoint> StartAsync()
    {
        var port = LocalServerProcess.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var endpoint = new StandInRunEndpoint(app, port);
        app.MapPost("/v1/orchestrations/sales-email/run", endpoint.HandleAsync);
        await app.StartAsync();
        return endpoint;
    }

    private async Task<IResult> HandleAsync(HttpRequest request)
    {
        var emailEvent = await JsonSerializer.DeserializeAsync(request.Body, McsJsonContext.Default.EmailEvent);
        Received.Enqueue(emailEvent!);
        Authorizations.Enqueue(request.Headers.Authorization.ToString());
        var status = StatusCode;
        if (status is >= 200 and < 300)
        {
            Accepted.Enqueue(emailEvent!);
            return Results.Json(new Dictionary<string, string> { ["run_id"] = "run-" + emailEvent!.DeliveryId }, statusCode: status);
        }
        return Results.Problem(statusCode: status, extensions: new Dictionary<string, object?> { ["code"] = status == 400 ? "malformed_request" : "service_unavailable" });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
