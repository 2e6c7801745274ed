using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace Mcs.Tests.Unit.ServiceDefaults;

public class TelemetryDefaultsTests
{
    private const string NpgsqlTracing = "Aspire:Npgsql:DisableTracing";
    private const string EfTracing = "Aspire:Npgsql:EntityFrameworkCore:PostgreSQL:DisableTracing";

    [Fact]
    public void Sql_command_spans_are_off_unless_configured()
    {
        var builder = WebApplication.CreateBuilder();

        builder.AddServiceDefaults();

        Assert.Equal("true", builder.Configuration[NpgsqlTracing]);
        Assert.Equal("true", builder.Configuration[EfTracing]);
    }

    [Fact]
    public void A_setting_from_the_command_line_or_environment_still_turns_them_on()
    {
        var builder = WebApplication.CreateBuilder([$"--{NpgsqlTracing}=false", $"--{EfTracing}=false"]);

        builder.AddServiceDefaults();

        Assert.Equal("false", builder.Configuration[NpgsqlTracing]);
        Assert.Equal("false", builder.Configuration[EfTracing]);
    }
}
