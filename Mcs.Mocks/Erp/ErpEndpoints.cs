using System.Text.Json;
using Mcs.Contracts;
using Mcs.Contracts.Orders;
using Microsoft.Extensions.Options;

namespace Mcs.Mocks.Erp;

/// <summary>
/// The ERP gateway contract (architecture.md; docs/erp-gateway.md). Anonymous for MCS's fallback policy: the gateway
/// checks its own Bearer key and answers in its own error JSON.
/// </summary>
public static class ErpEndpoints
{
    public static IEndpointRouteBuilder MapErpEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/sales-orders").WithTags("ERP gateway stand-in").AllowAnonymous()
            .AddEndpointFilter<ErpGatewayFilter>();
        group.MapPost("/", CreateOrder);
        group.MapGet("/", FindByExternalRef);
        group.MapGet("/{orderId}", GetOrder);
        return app;
    }

    public static async Task<IResult> CreateOrder(HttpRequest request, ErpOrderStore store, ErpBehaviorState behavior, CancellationToken cancellationToken)
    {
        var key = request.Headers["Idempotency-Key"].ToString();
        if (string.IsNullOrWhiteSpace(key) || key.Length > 255)
        {
            return ErpErrors.Error(400, "missing_idempotency_key", "Send an Idempotency-Key header (1–255 characters) with every order.");
        }
        ErpOrderPayload? payload;
        try
        {
            payload = await JsonSerializer.DeserializeAsync<ErpOrderPayload>(request.Body, McsJson.Options, cancellationToken);
        }
        catch (JsonException exception)
        {
            return ErpErrors.Error(400, "malformed_request", $"The body is not a valid order: {exception.Message}");
        }
        if (payload is null)
        {
            return ErpErrors.Error(400, "malformed_request", "The body is empty.");
        }
        var errors = ErpPayloadValidator.Validate(payload);
        if (errors.Count > 0)
        {
            return ErpErrors.Error(422, "validation_failed", "The order breaks the gateway's rules; correct it before sending it again.", errors);
        }
        var (outcome, order) = await store.CreateAsync(payload, key, behavior.Current.IgnoreIdempotencyKey, cancellationToken);
        return outcome switch
        {
            ErpCreateOutcome.Created => TypedResults.Created($"/v1/sales-orders/{order.OrderId}", order.ToCreated()),
            ErpCreateOutcome.SameKey => TypedResults.Ok(order.ToCreated()),
            _ => ErpErrors.Conflict(order.ToCreated()),
        };
    }

    public static async Task<IResult> FindByExternalRef([Microsoft.AspNetCore.Mvc.FromQuery(Name = "external_ref")] string? externalRef, ErpOrderStore store, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(externalRef))
        {
            return ErpErrors.Error(400, "missing_external_ref", "Query with ?external_ref=<ref>.");
        }
        var order = await store.FindAsync(order => order.ExternalRef == externalRef, cancellationToken);
        return order is null
            ? ErpErrors.Error(404, "not_found", $"No order has external_ref '{externalRef}'.")
            : TypedResults.Ok(order);
    }

    public static async Task<IResult> GetOrder(string orderId, ErpOrderStore store, CancellationToken cancellationToken)
    {
        var order = await store.FindAsync(order => order.OrderId == orderId, cancellationToken);
        return order is null ? ErpErrors.Error(404, "not_found", $"No order has order_id '{orderId}'.") : TypedResults.Ok(order);
    }

    /// <summary>Bearer key first, then the scripted behaviour (delay, injected failures) for every ERP call.</summary>
    private sealed class ErpGatewayFilter(IOptions<MocksOptions> options, ErpBehaviorState behavior, TimeProvider time) : IEndpointFilter
    {
        public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            var http = context.HttpContext;
            var header = http.Request.Headers.Authorization.ToString();
            var expected = "Bearer " + options.Value.ErpApiKey;
            if (!string.Equals(header, expected, StringComparison.Ordinal))
            {
                http.Response.Headers.WWWAuthenticate = "Bearer";
                return ErpErrors.Error(401, "unauthorized", "Send Authorization: Bearer <ERP API key>.");
            }
            var current = behavior.Current;
            var result = HttpMethods.IsPost(http.Request.Method) && behavior.TakeFailure() is { } status
                ? ErpErrors.Error(status, "injected_failure", $"The gateway failed this request on purpose (fail_next, status {status}).")
                : await next(context);
            // The delay comes after the work, as at a slow real gateway: an order is committed even when the caller
            // gives up waiting for the answer. That is the "unknown outcome" the client's lookup-before-resend exists for.
            if (current.DelayMs > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(current.DelayMs), time, http.RequestAborted);
            }
            return result;
        }
    }
}
