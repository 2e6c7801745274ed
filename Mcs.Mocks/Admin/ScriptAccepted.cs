using Mcs.Mocks.Dify.Scripting;

namespace Mcs.Mocks.Admin;

/// <summary><c>PUT /_mock/dify/scripts</c> answers the script as stored and whether it replaced an earlier one.</summary>
public sealed record ScriptAccepted(DifyScript Script, bool Replaced);
