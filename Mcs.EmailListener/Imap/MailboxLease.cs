using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Mcs.EmailListener.Imap;

/// <summary>
/// Ownership of one mailbox across listener replicas: a PostgreSQL session advisory lock held on a dedicated
/// connection. If the owner dies, its connection drops and the lock is free for another replica; an owner that
/// loses its connection notices before the next sync pass and stops.
/// </summary>
public sealed class MailboxLease : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly long _key;

    private MailboxLease(NpgsqlConnection connection, long key)
    {
        _connection = connection;
        _key = key;
    }

    /// <summary>The lease, or null when another replica owns the mailbox.</summary>
    public static async Task<MailboxLease?> TryAcquireAsync(string connectionString, string mailbox, CancellationToken cancellationToken)
    {
        var key = KeyFor(mailbox);
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("select pg_try_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", key);
            if (await command.ExecuteScalarAsync(cancellationToken) is true)
            {
                return new MailboxLease(connection, key);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        await connection.DisposeAsync();
        return null;
    }

    /// <summary>True while the connection that holds the lock is alive.</summary>
    public async Task<bool> IsHeldAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var command = new NpgsqlCommand("select 1", _connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var command = new NpgsqlCommand("select pg_advisory_unlock(@key)", _connection);
            command.Parameters.AddWithValue("key", _key);
            await command.ExecuteScalarAsync();
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException)
        {
            // The connection is gone, and the lock with it.
        }
        await _connection.DisposeAsync();
    }

    // A stable 64-bit key per mailbox name (string.GetHashCode is randomized per process).
    internal static long KeyFor(string mailbox) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("mcs-email-listener:" + mailbox)), 0);
}
