using System.Text.Json.Nodes;

namespace Mcs.Tests.Service.Mocks;

/// <summary>A received SSE body split the way dify-api.md §10 tells a client to: blank-line separated events.</summary>
public sealed record SseEvents(IReadOnlyList<string> RawEvents)
{
    public static SseEvents Parse(string body) =>
        new(body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries));

    public int Pings => RawEvents.Count(e => e == "event: ping");

    public IReadOnlyList<JsonObject> Data => RawEvents
        .Where(e => e.StartsWith("data: ", StringComparison.Ordinal))
        .Select(e => (JsonObject)JsonNode.Parse(e["data: ".Length..])!)
        .ToList();

    public IReadOnlyList<string> Names => Data.Select(e => e["event"]!.GetValue<string>()).ToList();
}
