using System.Security.Cryptography;
using Npgsql;

namespace Mcs.Orchestrator.Adapters.FileStore;

/// <summary>
/// Files in the orchestrator database, table <c>file_store_files</c>, through raw Npgsql: the table is this store's
/// own (not part of the orchestrator DbContext) and created idempotently on first use (ADR-040).
/// </summary>
public sealed class PostgresFileStore(NpgsqlDataSource dataSource, FileUrlSigner signer) : IFileStore
{
    private const string CreateTableSql = """
        CREATE TABLE IF NOT EXISTS file_store_files (
            id           text PRIMARY KEY,
            size         bigint NOT NULL,
            file_name    text NOT NULL,
            content_type text NOT NULL,
            content      bytea NOT NULL,
            created_at   timestamptz NOT NULL DEFAULT now())
        """;

    private readonly SemaphoreSlim _schemaLock = new(1, 1);
    private volatile bool _schemaReady;

    public async Task<StoredFile> PutAsync(ReadOnlyMemory<byte> content, string fileName, string contentType, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken);
        var sha = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        await using var command = dataSource.CreateCommand("""
            INSERT INTO file_store_files (id, size, file_name, content_type, content) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (id) DO NOTHING
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = sha });
        command.Parameters.Add(new NpgsqlParameter { Value = (long)content.Length });
        command.Parameters.Add(new NpgsqlParameter { Value = fileName });
        command.Parameters.Add(new NpgsqlParameter { Value = contentType });
        command.Parameters.Add(new NpgsqlParameter { Value = content.ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new StoredFile(sha, sha, content.Length, fileName, contentType);
    }

    public async Task<StoredFileContent?> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (!FileStoreIds.IsValid(id))
        {
            return null;
        }
        await EnsureSchemaAsync(cancellationToken);
        await using var command = dataSource.CreateCommand("SELECT size, file_name, content_type, content FROM file_store_files WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        var file = new StoredFile(id, id, reader.GetInt64(0), reader.GetString(1), reader.GetString(2));
        return new StoredFileContent(file, (byte[])reader.GetValue(3));
    }

    public Uri CreateSignedUrl(string id, TimeSpan? ttl = null) => signer.CreateUrl(id, ttl);

    private async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        if (_schemaReady)
        {
            return;
        }
        await _schemaLock.WaitAsync(cancellationToken);
        try
        {
            if (!_schemaReady)
            {
                await using var command = dataSource.CreateCommand(CreateTableSql);
                await command.ExecuteNonQueryAsync(cancellationToken);
                _schemaReady = true;
            }
        }
        finally
        {
            _schemaLock.Release();
        }
    }
}
