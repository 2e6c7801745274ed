namespace Mcs.Mocks.Dify;

/// <summary>One node of a published workflow, as its node events name it.</summary>
public sealed record DifyNode(string NodeId, string NodeType, string Title);
