using Mcs.Mocks.Dify;
using Mcs.Mocks.Dify.Scripting;
using Mcs.Mocks.Erp;
using Mcs.Mocks.Smtp;
using Mcs.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mcs.Mocks.Admin;

/// <summary>
/// The test instrument under <c>/_mock/</c>: script Dify, steer the ERP, read back what arrived. Unauthenticated by
/// design (architecture.md) and therefore loopback only.
/// </summary>
public static class MockAdminEndpoints
{
    public static IEndpointRouteBuilder MapMockAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/_mock").WithTags("Mocks admin").AllowAnonymous().AddEndpointFilter<LoopbackOnlyFilter>();
        group.MapPut("/dify/scripts", PutScript);
        group.MapDelete("/dify/scripts", DeleteScripts);
        group.MapGet("/dify/calls", GetCalls);
        group.MapGet("/dify/keys", GetKeys);
        group.MapGet("/dify/default-latency", GetDefaultLatency);
        group.MapPut("/dify/default-latency", PutDefaultLatency);
        group.MapGet("/erp/orders", GetOrders);
        group.MapDelete("/erp/orders", DeleteOrders);
        group.MapGet("/erp/behavior", GetBehavior);
        group.MapPut("/erp/behavior", PutBehavior);
        group.MapGet("/smtp/messages", GetMessages);
        group.MapDelete("/smtp/messages", DeleteMessages);
        group.MapPost("/reset", Reset);
        return app;
    }

    public static IResult PutScript(DifyScript script, DifyScriptStore scripts)
    {
        var errors = DifyScriptValidator.Validate(script);
        if (errors.Count > 0)
        {
            return McsProblemDetails.Problem(422, ErrorCodes.ValidationFailed, "The script is not valid.", errors);
        }
        var replaced = scripts.Put(script);
        return TypedResults.Ok(new ScriptAccepted(script, replaced));
    }

    public static NoContent DeleteScripts(DifyScriptStore scripts, DifyRunStore runs)
    {
        scripts.Clear();
        runs.ClearLegacyShapes();
        return TypedResults.NoContent();
    }

    public static Ok<ItemList<DifyCall>> GetCalls(DifyCallLog calls) => TypedResults.Ok(new ItemList<DifyCall>(calls.All()));

    public static Ok<DifyKeys> GetKeys(DifyAppCatalog apps) => TypedResults.Ok(new DifyKeys(apps.Contract.ApiKey, apps.OrderPayload.ApiKey));

    public static Ok<DefaultLatency> GetDefaultLatency(DifyLatency latency) => TypedResults.Ok(new DefaultLatency(latency.DelayMs));

    public static IResult PutDefaultLatency(DefaultLatency body, DifyLatency latency)
    {
        if (body.DelayMs is < 0 or > 3_600_000)
        {
            return McsProblemDetails.Problem(422, ErrorCodes.ValidationFailed, "delay_ms is out of range.",
                new Dictionary<string, string[]> { ["delay_ms"] = ["must be between 0 and 3600000"] });
        }
        latency.DelayMs = body.DelayMs;
        return TypedResults.Ok(new DefaultLatency(latency.DelayMs));
    }

    public static async Task<Ok<ItemList<ErpOrder>>> GetOrders(ErpOrderStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ItemList<ErpOrder>(await store.AllAsync(cancellationToken)));

    public static async Task<NoContent> DeleteOrders(ErpOrderStore store, CancellationToken cancellationToken)
    {
        await store.ClearAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    public static Ok<ErpBehavior> GetBehavior(ErpBehaviorState behavior) => TypedResults.Ok(behavior.Current);

    public static IResult PutBehavior(ErpBehavior body, ErpBehaviorState behavior)
    {
        var errors = new Dictionary<string, string[]>();
        if (body.FailNext is < 0 or > 1_000_000)
        {
            errors["fail_next"] = ["must be between 0 and 1000000"];
        }
        if (body.FailStatus is < 400 or > 599)
        {
            errors["fail_status"] = ["must be an HTTP error status (400–599)"];
        }
        if (body.DelayMs is < 0 or > 3_600_000)
        {
            errors["delay_ms"] = ["must be between 0 and 3600000"];
        }
        if (errors.Count > 0)
        {
            return McsProblemDetails.Problem(422, ErrorCodes.ValidationFailed, "The behaviour is not valid.", errors);
        }
        behavior.Current = body;
        return TypedResults.Ok(body);
    }

    public static Ok<ItemList<SmtpSinkMessage>> GetMessages(SmtpSinkInbox inbox) => TypedResults.Ok(new ItemList<SmtpSinkMessage>(inbox.All()));

    public static NoContent DeleteMessages(SmtpSinkInbox inbox)
    {
        inbox.Clear();
        return TypedResults.NoContent();
    }

    /// <summary>Everything back to a fresh start: scripts, calls, runs, uploads, latency, ERP orders and behaviour, mail.</summary>
    public static async Task<NoContent> Reset(
        DifyScriptStore scripts, DifyCallLog calls, DifyRunStore runs, DifyUploadStore uploads, DifyLatency latency,
        ErpOrderStore orders, ErpBehaviorState behavior, SmtpSinkInbox inbox, CancellationToken cancellationToken)
    {
        scripts.Clear();
        calls.Clear();
        runs.Clear();
        uploads.Clear();
        latency.DelayMs = 0;
        await orders.ClearAsync(cancellationToken);
        behavior.Current = new ErpBehavior();
        inbox.Clear();
        return TypedResults.NoContent();
    }
}
