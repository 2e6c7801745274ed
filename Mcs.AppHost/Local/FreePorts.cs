using System.Net;
using System.Net.Sockets;

namespace Mcs.AppHost.Local;

/// <summary>
/// Port 0 in configuration means "any free loopback port": chosen here, before the servers are configured, so the
/// same number can go into a server's own config file (Dovecot has no port argument) and into connection strings.
/// </summary>
public static class FreePorts
{
    public static int Resolve(int configured) => configured > 0 ? configured : Pick();

    public static int Pick()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
