using Microsoft.Extensions.Configuration;

namespace Mcs.AppHost;

/// <summary>
/// Fixed loopback ports under the run command (so people and scripts can reach each service); 0 lets the AppHost
/// choose, which is what tests pass so they never collide with a running instance.
/// </summary>
public static class ServicePorts
{
    /// <summary>
    /// The service's HTTP endpoint. Run mode: the service listens on the port itself — no DCP proxy in between, which
    /// cost ~8 % of a core and a hop per call under load (ADR-063); each service runs one replica here, so nothing
    /// needs the proxy's load balancing. Publish mode: the deployment chooses the ports, as before.
    /// </summary>
    public static IResourceBuilder<T> WithServiceHttpEndpoint<T>(this IResourceBuilder<T> resource, string service, int fallback,
        string name = "http")
        where T : IResourceWithEndpoints
    {
        ArgumentNullException.ThrowIfNull(resource);
        var builder = resource.ApplicationBuilder;
        if (builder.ExecutionContext.IsPublishMode)
        {
            return resource.WithHttpEndpoint(name: name);
        }
        var port = Local.FreePorts.Resolve(builder.Configuration.GetValue($"Mcs:Ports:{service}", fallback));
        return resource.WithHttpEndpoint(port: port, targetPort: port, name: name, isProxied: false);
    }

    public static int Smtp(IConfiguration configuration) =>
        Local.FreePorts.Resolve(configuration.GetValue("Mcs:Ports:Smtp", 2525));
}
