using Microsoft.Extensions.Configuration;

namespace Mcs.AppHost;

/// <summary>
/// Fixed loopback ports under the run command (so people and scripts can reach each service); 0 lets the AppHost
/// choose, which is what tests pass so they never collide with a running instance.
/// </summary>
public static class ServicePorts
{
    public static int? Http(IDistributedApplicationBuilder builder, string service, int fallback) =>
        // A deployment chooses its own ports; fixed ones are for people and scripts on a development machine.
        builder.ExecutionContext.IsPublishMode
            ? null
            : Local.FreePorts.ResolveOptional(builder.Configuration.GetValue($"Mcs:Ports:{service}", fallback));

    public static int Smtp(IConfiguration configuration) =>
        Local.FreePorts.Resolve(configuration.GetValue("Mcs:Ports:Smtp", 2525));
}
