using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mcs.Tests.Unit.ServiceDefaults;

/// <summary>Per-request and per-command framework logs are quiet by default; the service's own logs and configuration are not.</summary>
public class LogLevelDefaultsTests
{
    // The test output holds a service's appsettings.json, which would set these levels itself.
    private static readonly string EmptyContentRoot = Directory.CreateTempSubdirectory("mcs-log-defaults-").FullName;

    [Theory]
    [InlineData("Microsoft.AspNetCore.Hosting.Diagnostics")]
    [InlineData("Microsoft.AspNetCore.Routing.EndpointMiddleware")]
    [InlineData("System.Net.Http.HttpClient.dify.LogicalHandler")]
    [InlineData("Npgsql.Command")]
    public void Per_request_framework_categories_log_warnings_only(string category)
    {
        var logger = Build().CreateLogger(category);

        Assert.False(logger.IsEnabled(LogLevel.Information));
        Assert.True(logger.IsEnabled(LogLevel.Warning));
    }

    [Fact]
    public void The_services_own_categories_and_the_host_lifetime_still_log_information()
    {
        var loggers = Build();

        Assert.True(loggers.CreateLogger("Mcs.Orchestrator.Adapters.Smtp.SmtpNotificationSender").IsEnabled(LogLevel.Information));
        Assert.True(loggers.CreateLogger("Microsoft.Hosting.Lifetime").IsEnabled(LogLevel.Information));
    }

    [Fact]
    public void A_configured_level_wins_over_the_default()
    {
        var logger = Build("--Logging:LogLevel:Microsoft.AspNetCore=Information").CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics");

        Assert.True(logger.IsEnabled(LogLevel.Information));
    }

    private static ILoggerFactory Build(params string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = EmptyContentRoot });
        builder.AddServiceDefaults();
        return builder.Build().Services.GetRequiredService<ILoggerFactory>();
    }
}
