using Microsoft.Extensions.DependencyInjection;
using System.Net.Sockets;
using System.Text;

namespace Mcs.AppHost.Local;

/// <summary>
/// Dovecot (IMAP only, plaintext on loopback) with one demo mailbox. Dovecot has no port argument, so its config is
/// written just before it starts, when the mailbox password parameter has its value.
/// </summary>
public static class LocalDovecot
{
    public static IResourceBuilder<LocalServerResource> AddLocalDovecot(
        this IDistributedApplicationBuilder builder, string name, LocalInfraOptions options, string mailboxUser, IResourceBuilder<ParameterResource> password)
    {
        var dovecot = LocalBinaries.Require("/usr/sbin/dovecot", "Dovecot IMAP server");
        var dir = Path.Combine(options.DataRoot, "dovecot");
        var config = Path.Combine(dir, "dovecot.conf");
        var resource = new LocalServerResource(name, dovecot, dir, options.ImapPort, port => $"imap://127.0.0.1:{port}");
        var healthKey = $"{name}-ready";
        builder.Services.AddHealthChecks().Add(new(healthKey,
            _ => new DelegateHealthCheck(ct => GreetsAsync(options.ImapPort, ct), "Dovecot"), null, null));
        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(resource, async (_, ct) =>
        {
            var secret = await password.Resource.GetValueAsync(ct) ?? "";
            await WriteConfigAsync(dir, options.ImapPort, mailboxUser, secret, ct);
        });
        return builder.AddResource(resource)
            .WithArgs("-F", "-c", config)
            .WithEndpoint(name: "tcp", port: options.ImapPort, targetPort: options.ImapPort, scheme: "tcp", isProxied: false)
            .WithHealthCheck(healthKey)
            .ExcludeFromManifest();
    }

    private static async Task WriteConfigAsync(string dir, int port, string user, string password, CancellationToken cancellationToken)
    {
        DovecotConfig.CreateFolders(dir);
        var users = Path.Combine(dir, "users");
        await File.WriteAllTextAsync(users, DovecotConfig.UserLine(dir, user, password), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(dir, "dovecot.conf"), DovecotConfig.Build(dir, users, port), cancellationToken);
    }

    private static async Task<bool> GreetsAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port, cancellationToken);
        var buffer = new byte[64];
        var read = await client.GetStream().ReadAsync(buffer, cancellationToken);
        return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("* OK", StringComparison.Ordinal);
    }
}
