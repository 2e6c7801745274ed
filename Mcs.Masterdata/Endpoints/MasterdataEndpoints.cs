using Microsoft.Extensions.Options;

namespace Mcs.Masterdata.Endpoints;

/// <summary>Every route of the service under <c>/v1/masterdata</c> (authenticated by the ServiceDefaults fallback policy).</summary>
public static class MasterdataEndpoints
{
    public const string Prefix = "/v1/masterdata";

    public static IEndpointRouteBuilder MapMasterdataRoutes(this IEndpointRouteBuilder app)
    {
        var maxBody = app.ServiceProvider.GetRequiredService<IOptions<MasterdataOptions>>().Value.MaxBodyBytes;
        var group = app.MapGroup(Prefix);
        group.MapListEndpoints();
        group.MapSnapshotEndpoints();
        group.MapWriteEndpoints(maxBody);
        group.MapImportEndpoints(maxBody);
        return app;
    }
}
