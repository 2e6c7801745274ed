using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mcs.Orchestrator.Graph;

/// <summary>The default audit projection: a short SHA-256 of the input state and no output, so nothing personal leaks.</summary>
public sealed class HashingAuditProjection<TState>(JsonSerializerOptions json) : IAuditProjection<TState>
    where TState : class, IGraphState
{
    public string? InputDigest(string node, TState input) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(input, json))))[..16];

    public JsonNode? Output(string node, TState input, TState output) => null;
}
