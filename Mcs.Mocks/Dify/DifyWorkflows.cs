namespace Mcs.Mocks.Dify;

/// <summary>The names the admin API uses for the two Dify apps (<c>"workflow"</c> in a script).</summary>
public static class DifyWorkflows
{
    public const string Contract = "contract";
    public const string OrderPayload = "order_payload";

    public static bool IsKnown(string? name) => name is Contract or OrderPayload;
}
