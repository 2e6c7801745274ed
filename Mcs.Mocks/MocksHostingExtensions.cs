namespace Mcs.Mocks;

/// <summary>Registers everything Mcs.Mocks needs (options, data, clients, hosted services) and maps its endpoints.</summary>
public static class MocksHostingExtensions
{
    public static IHostApplicationBuilder AddMocks(this IHostApplicationBuilder builder)
    {
        return builder;
    }

    public static WebApplication MapMocksEndpoints(this WebApplication app)
    {
        return app;
    }
}
