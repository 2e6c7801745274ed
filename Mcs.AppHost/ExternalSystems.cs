namespace Mcs.AppHost;

/// <summary>
/// Where Dify, the ERP gateway, SMTP and the mailbox are. Locally they are Mcs.Mocks and Dovecot; in publish mode they
/// are parameters (the real systems' URLs and hosts), so production changes configuration only.
/// </summary>
public sealed record ExternalSystems(
    ReferenceExpression DifyBaseUrl,
    ReferenceExpression ErpBaseUrl,
    ReferenceExpression SmtpHost,
    ReferenceExpression SmtpPort,
    ReferenceExpression ImapHost,
    ReferenceExpression ImapPort,
    IResourceBuilder<IResource>? Mocks);
