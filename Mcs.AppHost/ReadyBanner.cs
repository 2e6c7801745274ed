using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mcs.AppHost;

/// <summary>
/// Prints each service's URL once it is healthy, and one line when all of them are, so a person running the run
/// command knows when and where to look.
/// </summary>
public static class ReadyBanner
{
    public static void PrintWhenReady(this IDistributedApplicationBuilder builder, params IResourceBuilder<ProjectResource>[] services)
    {
        var pending = services.Length;
        foreach (var service in services)
        {
            builder.Eventing.Subscribe<ResourceReadyEvent>(service.Resource, (evt, _) =>
            {
                var logger = evt.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Mcs.AppHost");
                var url = service.GetEndpoint("http").Url;
                logger.LogInformation("{Service} is healthy at {Url} (OpenAPI: {Url}/scalar)", service.Resource.Name, url, url);
                if (Interlocked.Decrement(ref pending) == 0)
                {
                    logger.LogInformation("MCS is up: every service is healthy. Ctrl+C stops everything this command started.");
                }
                return Task.CompletedTask;
            });
        }
    }
}
