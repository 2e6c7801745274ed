namespace Mcs.Mocks.Admin;

/// <summary>What every admin list answers: <c>{"items": [...]}</c>, oldest first.</summary>
public sealed record ItemList<T>(IReadOnlyList<T> Items);
