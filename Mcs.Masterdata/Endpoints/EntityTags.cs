using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Mcs.Masterdata.Endpoints;

/// <summary><c>If-None-Match</c> against the version ETag (<c>"42"</c>); weak tags and <c>*</c> match too (RFC 9110 §13.1.2).</summary>
public static class EntityTags
{
    public static string ForVersion(long version) => $"\"{version}\"";

    public static bool NoneMatchHits(StringValues ifNoneMatch, long version)
    {
        if (StringValues.IsNullOrEmpty(ifNoneMatch))
        {
            return false;
        }
        if (!EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags))
        {
            return false;
        }
        var current = new EntityTagHeaderValue(ForVersion(version));
        return tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));
    }
}
