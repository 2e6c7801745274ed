using Mcs.EmailListener.Data;
using Microsoft.EntityFrameworkCore;

namespace Mcs.Tests.Service.EmailListener;

/// <summary>Reads the listener's tables directly, as an operator would, to check what was recorded.</summary>
public static class ListenerDatabase
{
    public static EmailListenerDbContext Open(string connectionString) =>
        new(new DbContextOptionsBuilder<EmailListenerDbContext>().UseNpgsql(connectionString).Options);

    public static async Task<List<EmailRecord>> RecordsAsync(string connectionString)
    {
        await using var db = Open(connectionString);
        return await db.EmailRecords.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
    }

    /// <summary>Polls until <paramref name="condition"/> holds for the records, or fails after <paramref name="timeout"/>.</summary>
    public static async Task<List<EmailRecord>> WaitForAsync(string connectionString, Func<List<EmailRecord>, bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            List<EmailRecord> records = [];
            try
            {
                records = await RecordsAsync(connectionString);
            }
            catch (Npgsql.PostgresException exception) when (exception.SqlState == Npgsql.PostgresErrorCodes.UndefinedTable)
            {
                // Not migrated yet.
            }
            if (condition(records))
            {
                return records;
            }
            if (DateTime.UtcNow > deadline)
            {
                var summary = string.Join(", ", records.GroupBy(r => r.Status).Select(g => $"{g.Key}={g.Count()}"));
                throw new TimeoutException($"Timed out after {timeout} waiting for {what}; records: {summary}");
            }
            await Task.Delay(100);
        }
    }
}
