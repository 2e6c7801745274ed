using Mcs.Contracts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Mcs.ServiceDefaults;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Scalar.AspNetCore;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What every MCS service shares: telemetry, health, resilience, service discovery, the wire JSON format,
/// ProblemDetails with stable codes, API-key authentication on every endpoint but health and OpenAPI, and logs
/// with personal data redacted.
/// </summary>
public static class ServiceDefaultsExtensions
{
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddTelemetryDefaults();
        builder.ConfigureRedactedLogging();
        builder.ConfigureOpenTelemetry();
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [Mcs.ServiceDefaults.HealthEndpoints.LiveTag]);
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });
        builder.Services.ConfigureHttpJsonOptions(options => McsJson.Configure(options.SerializerOptions));
        builder.Services.AddMcsProblemDetailsAndAuth();
        builder.Services.AddOpenApi();
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }

    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapMcsHealthEndpoints();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference().AllowAnonymous();
        return app;
    }

    private static void AddMcsProblemDetailsAndAuth(this IServiceCollection services)
    {
        services.AddMcsProblemDetails();
        services.AddOptions<McsApiKeyOptions>()
            .BindConfiguration(McsApiKeyOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, _ => { });
        // Every endpoint requires a key unless it says AllowAnonymous: forgetting to protect one is not possible.
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(ApiKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser().Build());
    }

    private static readonly string[] ChattyCategories =
        ["Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore.Database.Command", "Npgsql.Command", "StackExchange.Redis", "System.Net.Http.HttpClient"];

    private static void ConfigureRedactedLogging(this IHostApplicationBuilder builder)
    {
        builder.Logging.AddConsole(options => options.FormatterName = RedactingConsoleFormatter.FormatterName);
        builder.Logging.AddConsoleFormatter<RedactingConsoleFormatter, ConsoleFormatterOptions>();
        // EF Core and Npgsql log every SQL command, StackExchange.Redis every connection step, IHttpClientFactory four
        // lines per outgoing request and ASP.NET Core four per incoming one at Information: the pollers alone write one a
        // second, a run ~50 (the trace already has each call), which buries what an operator needs and cost measurable
        // CPU in the service, DCP and the dashboard under load (ADR-063, ADR-064).
        foreach (var category in ChattyCategories)
        {
            builder.LogWarningsOnlyUnlessConfigured(category);
        }
    }

    /// <summary>
    /// <paramref name="category"/> (and the categories under it) logs Warning and above, unless configuration names a
    /// level for it (<c>Logging:LogLevel:&lt;category&gt;</c>), which then wins.
    /// </summary>
    public static IHostApplicationBuilder LogWarningsOnlyUnlessConfigured(this IHostApplicationBuilder builder, string category)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Configuration[$"Logging:LogLevel:{category}"] is null)
        {
            builder.Logging.AddFilter(category, LogLevel.Warning);
        }
        return builder;
    }

    // Npgsql traces every SQL command as its own span: ~60 per sales-email run, which made the dashboard's trace
    // ingest the second-largest CPU user under load (ADR-063). Off unless configured — set
    // Aspire:Npgsql:DisableTracing=false (and ...:EntityFrameworkCore:PostgreSQL:DisableTracing=false) to see them.
    // A default, not an override: it goes first among the sources, so appsettings, environment and arguments win.
    private static void AddTelemetryDefaults(this IHostApplicationBuilder builder)
    {
        ((IConfigurationBuilder)builder.Configuration).Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                ["Aspire:Npgsql:DisableTracing"] = "true",
                ["Aspire:Npgsql:EntityFrameworkCore:PostgreSQL:DisableTracing"] = "true",
            },
        });
    }

    private static void ConfigureOpenTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
            logging.AddProcessor(new RedactingLogProcessor());
        });
        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(TelemetryNames.MeterWildcard))
            .WithTracing(tracing => tracing
                .SetSampler(TraceSampling.FromConfiguration(builder.Configuration))
                .AddSource(builder.Environment.ApplicationName)
                .AddSource(TelemetryNames.SourceWildcard)
                .AddAspNetCoreInstrumentation(options => options.Filter = context =>
                    !TelemetryNames.IsHealthPath(context.Request.Path))
                .AddHttpClientInstrumentation());
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }
    }
}
