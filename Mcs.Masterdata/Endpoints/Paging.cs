using System.Buffers.Text;
using System.Text;
using Mcs.Contracts;
using Mcs.ServiceDefaults;

namespace Mcs.Masterdata.Endpoints;

/// <summary>
/// Keyset paging over a list sorted by id (ordinal): the cursor is the last id handed out, so inserts and deletes
/// between pages never duplicate or skip the rows that stayed.
/// </summary>
public static class Paging
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static PagedList<T> Page<T>(IReadOnlyList<T> sortedById, Func<T, string> id, int? limit, string? cursor)
    {
        var size = limit ?? DefaultLimit;
        if (size is < 1 or > MaxLimit)
        {
            throw new McsException(ErrorCodes.ValidationFailed, $"limit must be between 1 and {MaxLimit} (got {size}).", StatusCodes.Status400BadRequest)
            {
                Errors = new Dictionary<string, string[]> { ["limit"] = [$"must be between 1 and {MaxLimit}"] },
            };
        }
        var start = cursor is null ? 0 : FirstAfter(sortedById, id, DecodeCursor(cursor));
        var count = Math.Min(size, sortedById.Count - start);
        var items = new T[count];
        for (var i = 0; i < count; i++)
        {
            items[i] = sortedById[start + i];
        }
        var next = start + count < sortedById.Count && count > 0 ? EncodeCursor(id(items[^1])) : null;
        return new PagedList<T>(items, next);
    }

    public static string EncodeCursor(string lastId) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(lastId));

    public static string DecodeCursor(string cursor)
    {
        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (FormatException)
        {
            throw new McsException(MasterdataErrorCodes.InvalidCursor, "cursor is not one this service handed out.", StatusCodes.Status400BadRequest);
        }
    }

    private static int FirstAfter<T>(IReadOnlyList<T> sorted, Func<T, string> id, string lastId)
    {
        var (low, high) = (0, sorted.Count);
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (string.CompareOrdinal(id(sorted[middle]), lastId) <= 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }
}
