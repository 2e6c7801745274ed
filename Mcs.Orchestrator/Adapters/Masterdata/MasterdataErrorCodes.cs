namespace Mcs.Orchestrator.Adapters.Masterdata;

public static class MasterdataErrorCodes
{
    public const string Unavailable = "masterdata_unavailable";
}
