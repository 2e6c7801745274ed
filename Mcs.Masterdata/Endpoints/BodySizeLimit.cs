using Microsoft.AspNetCore.Http.Metadata;

namespace Mcs.Masterdata.Endpoints;

/// <summary>Endpoint metadata that routing applies to Kestrel's body limit before the body is read (413 past it).</summary>
public sealed record BodySizeLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
