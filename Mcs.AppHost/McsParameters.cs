using Mcs.Contracts;

namespace Mcs.AppHost;

/// <summary>
/// The secrets the AppHost owns (architecture.md, "Secrets and keys"). Local runs get development defaults, which
/// are not secrets and never reach the manifest; production sets <c>Parameters__name</c>.
/// </summary>
public sealed record McsParameters(
    IResourceBuilder<ParameterResource> ApiKey,
    IResourceBuilder<ParameterResource> MailboxPassword,
    IResourceBuilder<ParameterResource> DifyContractKey,
    IResourceBuilder<ParameterResource> DifyOrderKey,
    IResourceBuilder<ParameterResource> ErpApiKey)
{
    public const string DemoMailbox = "sales@mcs.local";

    public static McsParameters Add(IDistributedApplicationBuilder builder) => new(
        Secret(builder, ServiceNames.Parameters.ApiKey, "mcs-local-dev-api-key"),
        Secret(builder, ServiceNames.Parameters.MailboxPassword, "mcs-local-mailbox-password"),
        Secret(builder, ServiceNames.Parameters.DifyContractKey, "app-local-contract-extraction"),
        Secret(builder, ServiceNames.Parameters.DifyOrderKey, "app-local-order-payload"),
        Secret(builder, ServiceNames.Parameters.ErpApiKey, "erp-local-dev-gateway-key"));

    /// <summary>
    /// <c>Parameters:name</c> from configuration when set (environment, user secrets, a test's arguments), else the
    /// local default. A fixed-value parameter would ignore configuration, so a configured key never took effect.
    /// </summary>
    private static IResourceBuilder<ParameterResource> Secret(IDistributedApplicationBuilder builder, string name, string localDefault) =>
        builder.AddParameter(name, () => builder.Configuration[$"Parameters:{name}"] is { Length: > 0 } configured ? configured : localDefault,
            publishValueAsDefault: false, secret: true);
}
