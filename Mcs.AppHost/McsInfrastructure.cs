namespace Mcs.AppHost;

/// <summary>The stores and the mailbox server, whichever way they run; consumers see the same names either way.</summary>
public sealed record McsInfrastructure(
    IResourceBuilder<IResourceWithConnectionString> MasterdataDb,
    IResourceBuilder<IResourceWithConnectionString> OrchestratorDb,
    IResourceBuilder<IResourceWithConnectionString> EmailListenerDb,
    IResourceBuilder<IResourceWithConnectionString> Redis,
    IResourceBuilder<IResource>? Imap,
    int? ImapPort,
    string DataRoot);
