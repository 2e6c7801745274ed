using Mcs.Orchestrator.Graph;
using Mcs.Tests.Service.Graph;

namespace Mcs.Tests.Unit.Graph;

/// <summary>graph-engine.md §5 test 21: Build() validates the shape; routes give one expected target per fixture state.</summary>
public sealed class GraphBuilderTests
{
    private static Task<NodeResult<FlowState>> Pass(FlowState s, NodeContext c, CancellationToken t) => NodeResult.ContinueTask(s);

    private static GraphBuilder<FlowState> Valid() => new GraphBuilder<FlowState>("g", 1)
        .Node("a", Pass).Node("review", Pass).Node("b", Pass)
        .Start("a")
        .Route("a", s => s.NeedsReview ? "review" : "b", "review", "b")
        .Edge("review", "b").Edge("b", GraphNames.End);

    [Theory]
    [InlineData(true, "review")]
    [InlineData(false, "b")]
    public void The_route_of_a_gives_one_expected_target_per_state(bool needsReview, string expected)
    {
        var graph = Valid().Build();

        Assert.Equal(expected, graph.Route("a", new FlowState { NeedsReview = needsReview }));
        Assert.Equal("b", graph.Route("review", new FlowState()));
        Assert.Equal(GraphNames.End, graph.Route("b", new FlowState()));
    }

    [Fact]
    public void An_unknown_target_is_rejected()
    {
        var error = Assert.Throws<GraphDefinitionException>(() => new GraphBuilder<FlowState>("g", 1)
            .Node("a", Pass).Start("a").Route("a", _ => "nowhere", "nowhere", GraphNames.End).Build());
        Assert.Contains("unknown target 'nowhere'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_entry_is_rejected()
    {
        var error = Assert.Throws<GraphDefinitionException>(() => Valid().Start("b").Build());
        Assert.Contains("second entry", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreachable_node_is_rejected()
    {
        var error = Assert.Throws<GraphDefinitionException>(() => Valid().Node("orphan", Pass).Edge("orphan", GraphNames.End).Build());
        Assert.Contains("'orphan' is unreachable", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_node_without_an_outgoing_edge_and_a_duplicate_node_are_rejected()
    {
        var error = Assert.Throws<GraphDefinitionException>(() => new GraphBuilder<FlowState>("g", 1)
            .Node("a", Pass).Node("a", Pass).Start("a").Build());
        Assert.Contains("declared twice", error.Message, StringComparison.Ordinal);
        Assert.Contains("no outgoing edge", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_route_returning_an_undeclared_target_fails_at_run_time()
    {
        var graph = new GraphBuilder<FlowState>("g", 1).Node("a", Pass).Node("b", Pass).Start("a")
            .Route("a", _ => "a", "b").Edge("b", GraphNames.End).Build();
        Assert.Throws<GraphDefinitionException>(() => graph.Route("a", new FlowState()));
    }

    [Fact]
    public void The_fingerprint_is_stable_for_the_same_shape_and_changes_with_the_shape()
    {
        var first = Valid().Build().Info;
        var same = Valid().Build().Info;
        var changed = new GraphBuilder<FlowState>("g", 1).Node("a", Pass).Node("review", Pass).Node("b", Pass).Start("a")
            .Route("a", s => "b", "b", "review").Edge("review", GraphNames.End).Edge("b", GraphNames.End).Build().Info;

        Assert.Equal(first.Fingerprint, same.Fingerprint);
        Assert.NotEqual(first.Fingerprint, changed.Fingerprint);
        Assert.Equal(["a", "review", "b"], first.Nodes);
    }

    [Fact]
    public void The_registry_finds_graphs_by_name_and_refuses_two_of_one_name()
    {
        var registry = new GraphRegistry([Valid().Build()]);
        Assert.Equal("g", Assert.Single(registry.All).Name);
        Assert.Throws<GraphDefinitionException>(() => new GraphRegistry([Valid().Build(), Valid().Build()]));
    }
}
