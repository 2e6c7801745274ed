using System.Globalization;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Mcs.Masterdata.Endpoints;

/// <summary><c>If-None-Match</c> against the version ETag (<c>"42"</c>); weak tags and <c>*</c> match too (RFC 9110 §13.1.2).</summary>
public static class EntityTags
{
    // The tag of the latest version asked for: /version and the 304 path run thousands of times per version.
    private static volatile Tag? _last;

    public static string ForVersion(long version)
    {
        var last = _last;
        if (last is null || last.Version != version)
        {
            _last = last = new Tag(version, $"\"{version.ToString(CultureInfo.InvariantCulture)}\"");
        }
        return last.Text;
    }

    public static bool NoneMatchHits(StringValues ifNoneMatch, long version)
    {
        if (StringValues.IsNullOrEmpty(ifNoneMatch))
        {
            return false;
        }
        // What a client sends back is the one tag it was given: compare it without parsing or allocating.
        if (ifNoneMatch.Count == 1 && IsSingleTag(ifNoneMatch[0], version))
        {
            return true;
        }
        if (!EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags))
        {
            return false;
        }
        var current = new EntityTagHeaderValue(ForVersion(version));
        return tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));
    }

    /// <summary><c>"42"</c> or <c>W/"42"</c> exactly (weak comparison ignores the W/ prefix).</summary>
    private static bool IsSingleTag(string? value, long version)
    {
        var text = value.AsSpan().Trim();
        if (text.StartsWith("W/", StringComparison.Ordinal))
        {
            text = text[2..];
        }
        Span<char> digits = stackalloc char[20];
        return text.Length >= 3 && text[0] == '"' && text[^1] == '"'
            && version.TryFormat(digits, out var length, default, CultureInfo.InvariantCulture)
            && text[1..^1].SequenceEqual(digits[..length]);
    }

    private sealed record Tag(long Version, string Text);
}
