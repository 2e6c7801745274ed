namespace Mcs.EmailListener;

/// <summary>Registers everything Mcs.EmailListener needs (options, data, clients, hosted services) and maps its endpoints.</summary>
public static class EmailListenerHostingExtensions
{
    public static IHostApplicationBuilder AddEmailListener(this IHostApplicationBuilder builder)
    {
        return builder;
    }

    public static WebApplication MapEmailListenerEndpoints(this WebApplication app)
    {
        return app;
    }
}
