namespace Mcs.LocalServers;

/// <summary>What differs between the tests' PostgreSQL (fast, throwaway) and the benchmarks' (production durability).</summary>
public sealed record PostgresServerOptions
{
    /// <summary>The folder the server's own data folder is created under (e.g. /var/tmp/mcs-tests).</summary>
    public required string ParentFolder { get; init; }

    /// <summary>
    /// True keeps PostgreSQL's production durability (fsync, synchronous_commit, full_page_writes on), as benchmarks
    /// must measure; false turns them off, since tests need speed, not a database that survives a power cut.
    /// </summary>
    public bool Durable { get; init; }

    public int MaxConnections { get; init; } = 200;

    /// <summary>E.g. "256MB"; null keeps PostgreSQL's default.</summary>
    public string? SharedBuffers { get; init; }

    /// <summary>True deletes the data folder on dispose; false leaves it for the clean-up of <see cref="ParentFolder"/>.</summary>
    public bool DeleteOnDispose { get; init; } = true;
}
