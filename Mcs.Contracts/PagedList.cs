using System.Text.Json.Serialization;

namespace Mcs.Contracts;

/// <summary>Every list on the wire: <c>{items, next_cursor}</c>. <c>next_cursor</c> is always written (null on the last page), so readers that require it can parse every page.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? NextCursor);
