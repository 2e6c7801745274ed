using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Mcs.Tests.Service.Adapters;

/// <summary>
/// The ERP gateway contract of architecture.md over real HTTP: 201 new, same key → 200, another key for an
/// external_ref with an order → 409 with it, lookup by external_ref, 422; plus switches to ignore the key, fail the
/// next N calls (after committing, to make the outcome unknown to the caller) and delay.
/// </summary>
public sealed class FakeErpGateway
{
    public const string ApiKey = "erp-test-key-0123456789";

    private readonly object _gate = new();
    private int _sequence;

    public ConcurrentDictionary<string, JsonObject> OrdersByRef { get; } = new();
    public ConcurrentDictionary<string, string> RefByKey { get; } = new();
    public bool IgnoreIdempotencyKey { get; set; }
    public int FailNextAfterCommit;
    public int FailNextBeforeCommit;
    public int PostCount;
    public int LookupCount;

    public void Map(WebApplication app)
    {
        app.MapPost("/v1/sales-orders", (Func<HttpContext, Task<IResult>>)CreateAsync);
        app.MapGet("/v1/sales-orders", (HttpContext context, string external_ref) =>
        {
            if (!Authorized(context))
            {
                return Results.StatusCode(401);
            }
            Interlocked.Increment(ref LookupCount);
            return OrdersByRef.TryGetValue(external_ref, out var order) ? Results.Text(order.ToJsonString(), "application/json") : Results.NotFound();
        });
    }

    private async Task<IResult> CreateAsync(HttpContext context)
    {
        if (!Authorized(context))
        {
            return Results.StatusCode(401);
        }
        Interlocked.Increment(ref PostCount);
        var payload = JsonNode.Parse(await new StreamReader(context.Request.Body).ReadToEndAsync())!.AsObject();
        if (Interlocked.Decrement(ref FailNextBeforeCommit) >= 0)
        {
            return Results.Text("<html>502 Bad Gateway</html>", "text/html", statusCode: 502);
        }
        if ((payload["lines"] as JsonArray)?.Count is null or 0)
        {
            return Results.Json(new { code = "validation_failed", errors = new Dictionary<string, string[]> { ["lines"] = ["at least one line"] } }, statusCode: 422);
        }
        var key = context.Request.Headers["Idempotency-Key"].ToString();
        var externalRef = payload["external_ref"]!.GetValue<string>();
        IResult result;
        lock (_gate)
        {
            if (!IgnoreIdempotencyKey && RefByKey.TryGetValue(key, out var known))
            {
                result = Results.Text(OrdersByRef[known].ToJsonString(), "application/json", statusCode: 200);
            }
            else if (OrdersByRef.TryGetValue(externalRef, out var existing) && !IgnoreIdempotencyKey)
            {
                result = Results.Text(existing.ToJsonString(), "application/json", statusCode: 409);
            }
            else
            {
                // A gateway that ignores the key also ignores external_ref uniqueness: the worst case.
                var number = Interlocked.Increment(ref _sequence);
                var order = new JsonObject { ["order_id"] = Guid.NewGuid().ToString(), ["order_no"] = $"SO-{number:D5}", ["external_ref"] = externalRef };
                OrdersByRef.TryAdd(externalRef, order);
                RefByKey[key] = externalRef;
                CreatedCount++;
                result = Results.Text(order.ToJsonString(), "application/json", statusCode: 201);
            }
        }
        if (Interlocked.Decrement(ref FailNextAfterCommit) >= 0)
        {
            // The order exists, but the caller only sees a gateway error: its outcome is unknown.
            return Results.Text("upstream timeout", "text/plain", statusCode: 504);
        }
        return result;
    }

    public int CreatedCount { get; private set; }

    private static bool Authorized(HttpContext context) =>
        context.Request.Headers.Authorization.ToString() == "Bearer " + ApiKey;
}
