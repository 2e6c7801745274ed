namespace Mcs.Mocks.Admin;

/// <summary><c>GET /_mock/dify/keys</c>: the app keys the Dify stand-in accepts.</summary>
public sealed record DifyKeys(string Contract, string OrderPayload);
