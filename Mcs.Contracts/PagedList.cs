namespace Mcs.Contracts;

/// <summary>Every list on the wire: <c>{items, next_cursor}</c>.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, string? NextCursor);
