using System.Text.Json;
using Mcs.Contracts;
using Mcs.Orchestrator.Graph;
using Mcs.Orchestrator.Graph.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Mcs.Tests.Support.Fakes;

/// <summary>Builds the <see cref="NodeContext"/> a node sees, without a database (effects go to a <see cref="FakeEffectJournal"/>).</summary>
internal static class NodeContexts
{
    public static NodeContext For(string node, FakeEffectJournal? journal = null, Guid? runId = null, Guid? lineageId = null, int attempt = 1,
        object? resumeDecision = null, NodeFailure? previousFailure = null, TimeProvider? clock = null)
    {
        var run = runId ?? Guid.NewGuid();
        var data = new NodeContextData(run, lineageId ?? run, null, "sales-email", 1, "delivery-1", node, 3, attempt, 1,
            clock ?? new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero)), new ServiceCollection().BuildServiceProvider(),
            null, false, resumeDecision is null ? null : JsonSerializer.SerializeToElement(resumeDecision, McsJson.Options), resumeDecision is null ? null : "reviewer",
            previousFailure);
        return new NodeContext(data, journal ?? new FakeEffectJournal(), NoCrashes.Instance, () => true, McsJson.Options);
    }
}
