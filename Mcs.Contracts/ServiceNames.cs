namespace Mcs.Contracts;

/// <summary>
/// Resource and connection names shared by the AppHost, the services and the tests, so a rename is one edit.
/// </summary>
public static class ServiceNames
{
    public const string Masterdata = "masterdata";
    public const string Orchestrator = "orchestrator";
    public const string EmailListener = "email-listener";
    public const string Mocks = "mocks";

    public const string Postgres = "postgres";
    public const string Redis = "redis";
    public const string Imap = "imap";

    public const string MasterdataDb = "masterdatadb";
    public const string OrchestratorDb = "orchestratordb";
    public const string EmailListenerDb = "emaillistenerdb";
    public const string MocksDb = "mocksdb";

    /// <summary>Aspire parameter names (environment <c>Parameters__name</c>).</summary>
    public static class Parameters
    {
        public const string ApiKey = "mcs-api-key";
        public const string MailboxPassword = "mailbox-password";
        public const string DifyContractKey = "dify-contract-key";
        public const string DifyOrderKey = "dify-order-key";
        public const string ErpApiKey = "erp-api-key";
    }

    /// <summary>Named endpoints of the Mcs.Mocks resource.</summary>
    public static class MockEndpoints
    {
        public const string Http = "http";
        public const string Smtp = "smtp";
    }
}
