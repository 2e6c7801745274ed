using Microsoft.Extensions.Configuration;

namespace Mcs.AppHost;

/// <summary>
/// Fixed loopback ports under the run command (so people and scripts can reach each service); 0 lets the AppHost
/// choose, which is what tests pass so they never collide with a running instance.
/// </summary>
public static class ServicePorts
{
    public static int? Http(IConfiguration configuration, string service, int fallback) =>
        Local.FreePorts.ResolveOptional(configuration.GetValue($"Mcs:Ports:{service}", fallback));

    public static int Smtp(IConfiguration configuration) =>
        Local.FreePorts.Resolve(configuration.GetValue("Mcs:Ports:Smtp", 2525));
}
