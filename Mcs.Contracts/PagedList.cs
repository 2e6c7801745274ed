using System.Text.Json.Serialization;

namespace Mcs.Contracts;

/// <summary>Every list on the wire: <c>{items, next_cursor}</c>; <c>next_cursor</c> is written as null on the last page.</summary>
public sealed record PagedList<T>(
    IReadOnlyList<T> Items,
    // Written even when null: the wire shape is {items, next_cursor: string|null}, and readers require the member.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? NextCursor);
