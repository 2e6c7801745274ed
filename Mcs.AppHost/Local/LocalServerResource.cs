namespace Mcs.AppHost.Local;

/// <summary>
/// A server the AppHost starts from the machine's own binaries (no container engine): an executable with one
/// non-proxied TCP endpoint on a known loopback port and a connection string.
/// </summary>
public sealed class LocalServerResource(string name, string command, string workingDirectory, int port, Func<int, string> connectionString)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public int Port { get; } = port;

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"{connectionString(Port)}");
}
