using Microsoft.Extensions.Configuration;

namespace Mcs.AppHost.Local;

/// <summary>
/// Where and how the local servers run: <c>Mcs:DataRoot</c> (default <c>/var/tmp/mcs-local</c>, a folder the
/// postgres user can traverse, unlike a mode-700 home), fixed loopback ports (0 = pick a free one), and fsync.
/// </summary>
public sealed record LocalInfraOptions(
    string DataRoot,
    int PostgresPort,
    int RedisPort,
    int ImapPort,
    bool PostgresFsync)
{
    public const string DefaultDataRoot = "/var/tmp/mcs-local";

    public static LocalInfraOptions From(IConfiguration configuration) => new(
        DataRoot: configuration["Mcs:DataRoot"] is { Length: > 0 } root ? Path.GetFullPath(root) : DefaultDataRoot,
        PostgresPort: FreePorts.Resolve(configuration.GetValue("Mcs:Ports:Postgres", 55432)),
        RedisPort: FreePorts.Resolve(configuration.GetValue("Mcs:Ports:Redis", 56379)),
        ImapPort: FreePorts.Resolve(configuration.GetValue("Mcs:Ports:Imap", 1143)),
        PostgresFsync: configuration.GetValue("Mcs:Postgres:Fsync", true));
}
