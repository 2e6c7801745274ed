using Mcs.AppHost.Local;
using Mcs.Contracts;

namespace Mcs.AppHost;

/// <summary>Declares PostgreSQL (one database per service), Redis and the IMAP server as containers or local processes.</summary>
public static class InfrastructureExtensions
{
    public static McsInfrastructure AddMcsInfrastructure(this IDistributedApplicationBuilder builder, string mailboxUser, IResourceBuilder<ParameterResource> mailboxPassword)
    {
        var local = LocalInfraOptions.From(builder.Configuration);
        return InfrastructureMode.UseContainers(builder)
            ? builder.AddContainerInfrastructure(local)
            : builder.AddLocalInfrastructure(local, mailboxUser, mailboxPassword);
    }

    private static McsInfrastructure AddContainerInfrastructure(this IDistributedApplicationBuilder builder, LocalInfraOptions local)
    {
        var postgres = builder.AddPostgres(ServiceNames.Postgres).WithDataVolume("mcs-postgres");
        var redis = builder.AddRedis(ServiceNames.Redis);
        // In publish mode the mailbox is the company's IMAP server (parameters); Dovecot is a development stand-in.
        IResourceBuilder<IResource>? imap = null;
        if (!builder.ExecutionContext.IsPublishMode)
        {
            imap = builder.AddContainer(ServiceNames.Imap, "dovecot/dovecot", "2.3.21")
                .WithEndpoint(name: "tcp", port: local.ImapPort, targetPort: 143, scheme: "tcp");
        }
        return new McsInfrastructure(
            postgres.AddDatabase(ServiceNames.MasterdataDb),
            postgres.AddDatabase(ServiceNames.OrchestratorDb),
            postgres.AddDatabase(ServiceNames.EmailListenerDb),
            redis,
            imap,
            builder.ExecutionContext.IsPublishMode ? null : local.ImapPort,
            local.DataRoot);
    }

    private static McsInfrastructure AddLocalInfrastructure(
        this IDistributedApplicationBuilder builder, LocalInfraOptions local, string mailboxUser, IResourceBuilder<ParameterResource> mailboxPassword)
    {
        Directory.CreateDirectory(local.DataRoot);
        var postgres = builder.AddLocalPostgres(ServiceNames.Postgres, local);
        return new McsInfrastructure(
            postgres.AddLocalDatabase(ServiceNames.MasterdataDb),
            postgres.AddLocalDatabase(ServiceNames.OrchestratorDb),
            postgres.AddLocalDatabase(ServiceNames.EmailListenerDb),
            builder.AddLocalRedis(ServiceNames.Redis, local),
            builder.AddLocalDovecot(ServiceNames.Imap, local, mailboxUser, mailboxPassword),
            local.ImapPort,
            local.DataRoot);
    }
}
