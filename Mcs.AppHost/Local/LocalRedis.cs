using Microsoft.Extensions.DependencyInjection;
using System.Net.Sockets;
using System.Text;

namespace Mcs.AppHost.Local;

/// <summary>Redis from the Debian binary: a cache, so no persistence.</summary>
public static class LocalRedis
{
    public static IResourceBuilder<LocalServerResource> AddLocalRedis(this IDistributedApplicationBuilder builder, string name, LocalInfraOptions options)
    {
        var redis = LocalBinaries.Require("/usr/bin/redis-server", "Redis server");
        var dir = Path.Combine(options.DataRoot, "redis");
        Directory.CreateDirectory(dir);
        var resource = new LocalServerResource(name, redis, dir, options.RedisPort, port => $"127.0.0.1:{port}");
        var healthKey = $"{name}-ready";
        builder.Services.AddHealthChecks().Add(new(healthKey,
            _ => new DelegateHealthCheck(ct => PingAsync(options.RedisPort, ct), "Redis"), null, null));
        return builder.AddResource(resource)
            .WithArgs("--bind", "127.0.0.1", "--port", options.RedisPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--save", "", "--appendonly", "no", "--dir", dir, "--protected-mode", "yes")
            .WithEndpoint(name: "tcp", port: options.RedisPort, targetPort: options.RedisPort, scheme: "tcp", isProxied: false)
            .WithHealthCheck(healthKey)
            .ExcludeFromManifest();
    }

    private static async Task<bool> PingAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port, cancellationToken);
        var stream = client.GetStream();
        await stream.WriteAsync("PING\r\n"u8.ToArray(), cancellationToken);
        var buffer = new byte[16];
        var read = await stream.ReadAsync(buffer, cancellationToken);
        return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
    }
}
