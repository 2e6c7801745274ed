using System.Text.Json.Serialization;

namespace Mcs.Contracts;

/// <summary>Every list on the wire: <c>{items, next_cursor}</c>; <c>next_cursor</c> is written as <c>null</c> on the last page.</summary>
public sealed record PagedList<T>(
    IReadOnlyList<T> Items,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? NextCursor);
