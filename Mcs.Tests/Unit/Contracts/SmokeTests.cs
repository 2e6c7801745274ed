using Mcs.Tests.Support;
using Npgsql;

namespace Mcs.Tests.Unit.Contracts;

public class TestServerSmokeTests
{
    [Fact]
    public async Task Test_postgres_gives_each_caller_its_own_database()
    {
        var first = await TestPostgres.CreateDatabaseAsync("smoke");
        var second = await TestPostgres.CreateDatabaseAsync("smoke");
        Assert.NotEqual(first, second);
        await using var connection = new NpgsqlConnection(first);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select current_database()", connection);
        Assert.StartsWith("smoke_", (string)(await command.ExecuteScalarAsync())!);
    }
}
