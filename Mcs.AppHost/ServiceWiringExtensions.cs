using Mcs.Contracts;
using Microsoft.Extensions.Configuration;

namespace Mcs.AppHost;

/// <summary>How the services get their keys and the addresses of the systems around them.</summary>
public static class ServiceWiringExtensions
{
    public static ExternalSystems AddExternalSystems(this IDistributedApplicationBuilder builder, McsInfrastructure infra, McsParameters secrets)
    {
        if (builder.ExecutionContext.IsPublishMode)
        {
            return new ExternalSystems(
                ReferenceExpression.Create($"{builder.AddParameter("dify-base-url")}"),
                ReferenceExpression.Create($"{builder.AddParameter("erp-base-url")}"),
                ReferenceExpression.Create($"{builder.AddParameter("smtp-host")}"),
                ReferenceExpression.Create($"{builder.AddParameter("smtp-port")}"),
                ReferenceExpression.Create($"{builder.AddParameter("imap-host")}"),
                ReferenceExpression.Create($"{builder.AddParameter("imap-port")}"),
                Mocks: null);
        }
        var smtpPort = ServicePorts.Smtp(builder.Configuration);
        var mocks = builder.AddProject<Projects.Mcs_Mocks>(ServiceNames.Mocks)
            .WithServiceHttpEndpoint("Mocks", 7104, ServiceNames.MockEndpoints.Http)
            .WithEndpoint(name: ServiceNames.MockEndpoints.Smtp, port: smtpPort, targetPort: smtpPort, scheme: "tcp", isProxied: false)
            .WithSharedSettings(secrets)
            .WithEnvironment("Mocks__SmtpPort", smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithEnvironment("Mocks__DataDirectory", Path.Combine(infra.DataRoot, "mocks"))
            .WithEnvironment("Mocks__DifyContractKey", secrets.DifyContractKey)
            .WithEnvironment("Mocks__DifyOrderKey", secrets.DifyOrderKey)
            .WithEnvironment("Mocks__ErpApiKey", secrets.ErpApiKey)
            .WithDemoMailbox(infra, secrets)
            .WithHttpHealthCheck("/health")
            .ExcludeFromManifest();
        var http = mocks.GetEndpoint(ServiceNames.MockEndpoints.Http);
        var config = builder.Configuration;
        // Mcs:External:* points a local run at real systems (a real Dify, ERP gateway, SMTP relay or IMAP server)
        // without code changes; the stand-ins keep running but nothing calls them.
        return new ExternalSystems(
            Override(config, "DifyBaseUrl", ReferenceExpression.Create($"{http}/v1")),
            Override(config, "ErpBaseUrl", ReferenceExpression.Create($"{http}")),
            Override(config, "SmtpHost", ReferenceExpression.Create($"127.0.0.1")),
            Override(config, "SmtpPort", ReferenceExpression.Create($"{smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture)}")),
            Override(config, "ImapHost", ReferenceExpression.Create($"127.0.0.1")),
            Override(config, "ImapPort", ReferenceExpression.Create($"{(infra.ImapPort ?? 143).ToString(System.Globalization.CultureInfo.InvariantCulture)}")),
            mocks);
    }

    private static ReferenceExpression Override(IConfiguration configuration, string key, ReferenceExpression fallback) =>
        configuration[$"Mcs:External:{key}"] is { Length: > 0 } value ? ReferenceExpression.Create($"{value}") : fallback;

    /// <summary>
    /// The demo: sample master data on an empty database and, once, the four demo mails in the demo mailbox
    /// (<c>Mcs:Demo:SeedMailbox</c>, default true; tests that bring their own mails turn it off).
    /// </summary>
    private static IResourceBuilder<ProjectResource> WithDemoMailbox(this IResourceBuilder<ProjectResource> mocks, McsInfrastructure infra, McsParameters secrets)
    {
        var enabled = mocks.ApplicationBuilder.Configuration.GetValue("Mcs:Demo:SeedMailbox", true) && infra.Imap is not null;
        mocks.WithEnvironment("Mocks__DemoMailbox__Enabled", enabled ? "true" : "false");
        if (enabled)
        {
            mocks.WithEnvironment("Mocks__DemoMailbox__Host", "127.0.0.1")
                .WithEnvironment("Mocks__DemoMailbox__Port", (infra.ImapPort ?? 143).ToString(System.Globalization.CultureInfo.InvariantCulture))
                .WithEnvironment("Mocks__DemoMailbox__Username", McsParameters.DemoMailbox)
                .WithEnvironment("Mocks__DemoMailbox__Password", secrets.MailboxPassword)
                .WaitFor(infra.Imap!);
        }
        return mocks;
    }

    /// <summary>
    /// Locally the orchestrator keeps files on disk under the data root; a deployment keeps them in PostgreSQL, so no
    /// replica depends on a local disk.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithFileStore(this IResourceBuilder<ProjectResource> orchestrator, McsInfrastructure infra) =>
        orchestrator.ApplicationBuilder.ExecutionContext.IsPublishMode
            ? orchestrator.WithEnvironment("FileStore__Kind", "Postgres")
            : orchestrator.WithEnvironment("FileStore__Directory", Path.Combine(infra.DataRoot, "orchestrator-files"));

    /// <summary>The shared API key, and the AppHost's <c>Mcs:Telemetry:*</c> settings (e.g. TraceSampleRatio) passed on.</summary>
    public static IResourceBuilder<ProjectResource> WithSharedSettings(this IResourceBuilder<ProjectResource> project, McsParameters secrets)
    {
        project.WithEnvironment("Mcs__ApiKey", secrets.ApiKey);
        foreach (var setting in project.ApplicationBuilder.Configuration.GetSection("Mcs:Telemetry").GetChildren())
        {
            project.WithEnvironment("Mcs__Telemetry__" + setting.Key, setting.Value);
        }
        return project;
    }

    public static IResourceBuilder<ProjectResource> WithExternalSystems(this IResourceBuilder<ProjectResource> project, ExternalSystems externals)
    {
        var secretsOwner = project.ApplicationBuilder.Resources.OfType<ParameterResource>().ToDictionary(p => p.Name);
        project
            .WithEnvironment("Dify__BaseUrl", externals.DifyBaseUrl)
            .WithEnvironment("Dify__ContractKey", secretsOwner[ServiceNames.Parameters.DifyContractKey])
            .WithEnvironment("Dify__OrderKey", secretsOwner[ServiceNames.Parameters.DifyOrderKey])
            .WithEnvironment("Erp__BaseUrl", externals.ErpBaseUrl)
            .WithEnvironment("Erp__ApiKey", secretsOwner[ServiceNames.Parameters.ErpApiKey])
            .WithEnvironment("Smtp__Host", externals.SmtpHost)
            .WithEnvironment("Smtp__Port", externals.SmtpPort);
        if (externals.Mocks is not null)
        {
            project.WaitFor(externals.Mocks);
        }
        return project;
    }

    public static IResourceBuilder<ProjectResource> WithMailbox(
        this IResourceBuilder<ProjectResource> project, McsInfrastructure infra, ExternalSystems externals, McsParameters secrets)
    {
        project
            .WithEnvironment("EmailListener__Mailboxes__0__Name", "sales")
            .WithEnvironment("EmailListener__Mailboxes__0__Host", externals.ImapHost)
            .WithEnvironment("EmailListener__Mailboxes__0__Port", externals.ImapPort)
            .WithEnvironment("EmailListener__Mailboxes__0__Username", project.ApplicationBuilder.Configuration["Mcs:External:ImapUser"] ?? McsParameters.DemoMailbox)
            .WithEnvironment("EmailListener__Mailboxes__0__Password", secrets.MailboxPassword)
            .WithEnvironment("EmailListener__Mailboxes__0__Security",
                project.ApplicationBuilder.Configuration["Mcs:External:ImapSecurity"] ?? (project.ApplicationBuilder.ExecutionContext.IsPublishMode ? "SslOnConnect" : "None"))
            .WithEnvironment("EmailListener__Mailboxes__0__Folder", "INBOX")
            .WithEnvironment("EmailListener__OwnDomains__0", "mcs.local")
            .WithEnvironment("EmailListener__OwnDomains__1", "sz.mcs.local")
            .WithEnvironment("EmailListener__OwnDomains__2", "hk.mcs.local");
        if (infra.Imap is not null)
        {
            project.WaitFor(infra.Imap);
        }
        return project;
    }
}
