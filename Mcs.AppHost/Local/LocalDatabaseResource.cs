namespace Mcs.AppHost.Local;

/// <summary>One database on the local PostgreSQL server, created when the server is ready (as AddDatabase does for containers).</summary>
public sealed class LocalDatabaseResource(string name, string databaseName, LocalServerResource server)
    : Resource(name), IResourceWithConnectionString, IResourceWithParent<LocalServerResource>
{
    public string DatabaseName { get; } = databaseName;
    public LocalServerResource Parent { get; } = server;

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"{Parent.ConnectionStringExpression};Database={DatabaseName}");
}
