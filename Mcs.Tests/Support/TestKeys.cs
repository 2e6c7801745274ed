namespace Mcs.Tests.Support;

/// <summary>Random keys per test run, so no test depends on the local development defaults.</summary>
public static class TestKeys
{
    public static readonly string ApiKey = "test-api-" + Guid.NewGuid().ToString("N");
    public static readonly string MailboxPassword = "mbox-" + Guid.NewGuid().ToString("N");
    public static readonly string DifyContractKey = "app-contract-" + Guid.NewGuid().ToString("N");
    public static readonly string DifyOrderKey = "app-order-" + Guid.NewGuid().ToString("N");
    public static readonly string ErpApiKey = "erp-" + Guid.NewGuid().ToString("N");
}
