using Npgsql;

namespace Mcs.Masterdata.Snapshots;

/// <summary>
/// Reads the current version from PostgreSQL, combining concurrent callers: a caller may share a query only if
/// that query <em>started after the caller arrived</em>, so it still sees every write committed before the call
/// (read-your-writes on every replica) while 32 concurrent readers cost one round trip instead of 32.
/// </summary>
public sealed class VersionProbe(NpgsqlDataSource dataSource)
{
    /// <summary>The probe's own small pool: only one probe query runs at a time, and it is prepared once per connection.</summary>
    public static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 4, AutoPrepareMinUsages = 1, MaxPoolSize = 4 };
        return NpgsqlDataSource.Create(builder);
    }

    private const string Sql = "select version from masterdata_version where id = 1";

    private readonly Lock _gate = new();
    private bool _busy;
    private TaskCompletionSource<long>? _next;

    public Task<long> GetAsync()
    {
        TaskCompletionSource<long> first;
        lock (_gate)
        {
            if (_busy)
            {
                // The running query may have started before we arrived: wait for the next one instead.
                _next ??= new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
                return _next.Task;
            }
            _busy = true;
            first = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        _ = RunAsync(first);
        return first.Task;
    }

    private async Task RunAsync(TaskCompletionSource<long> batch)
    {
        while (true)
        {
            try
            {
                batch.TrySetResult(await QueryAsync());
            }
            catch (Exception e)
            {
                batch.TrySetException(e);
            }
            lock (_gate)
            {
                if (_next is null)
                {
                    _busy = false;
                    return;
                }
                batch = _next;
                _next = null;
            }
        }
    }

    private async Task<long> QueryAsync()
    {
        // Prepared on each pooled connection (the data source sets Max Auto Prepare); CommandTimeout bounds a stuck server.
        await using var command = dataSource.CreateCommand(Sql);
        command.CommandTimeout = 10;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
