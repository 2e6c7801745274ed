namespace Mcs.Masterdata;

/// <summary>Registers everything Mcs.Masterdata needs (options, data, clients, hosted services) and maps its endpoints.</summary>
public static class MasterdataHostingExtensions
{
    public static IHostApplicationBuilder AddMasterdata(this IHostApplicationBuilder builder)
    {
        return builder;
    }

    public static WebApplication MapMasterdataEndpoints(this WebApplication app)
    {
        return app;
    }
}
