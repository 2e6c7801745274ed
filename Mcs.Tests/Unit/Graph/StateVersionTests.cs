using System.Text.Json.Nodes;
using Mcs.Orchestrator.Graph;

namespace Mcs.Tests.Unit.Graph;

/// <summary>graph-engine.md §5 test 20: golden checkpoints of every past schema load into the current record.</summary>
public sealed class StateVersionTests
{
    /// <summary>Schema 3: v1 had one "customer" string; v2 split it into customer_name; v3 renamed amount to amount_cents (×100).</summary>
    public sealed record InvoiceState : IGraphState
    {
        public int SchemaVersion { get; init; } = 3;

        public string? CustomerName { get; init; }

        public long AmountCents { get; init; }

        public IReadOnlyList<string> Tags { get; init; } = [];
    }

    // Golden fixtures: exactly what checkpoints of each version looked like. Never edit them; add one per new version.
    private const string V1 = """{"schema_version":1,"customer":"ACME GmbH","amount":12.5}""";
    private const string V2 = """{"schema_version":2,"customer_name":"ACME GmbH","amount":12.5,"tags":["rush"]}""";
    private const string V3 = """{"schema_version":3,"customer_name":"ACME GmbH","amount_cents":1250,"tags":["rush"]}""";

    private static CompiledGraph<InvoiceState> Graph() => new GraphBuilder<InvoiceState>("invoice", 1)
        .Node("n", (s, c, t) => NodeResult.ContinueTask(s)).Start("n").Edge("n", GraphNames.End)
        .StateSchema(3)
        .Upcast(1, v1 =>
        {
            v1["customer_name"] = v1["customer"]?.DeepClone();
            v1.Remove("customer");
            v1["schema_version"] = 2;
            return v1;
        })
        .Upcast(2, v2 =>
        {
            v2["amount_cents"] = (long)Math.Round(v2["amount"]!.GetValue<double>() * 100);
            v2.Remove("amount");
            v2["schema_version"] = 3;
            return v2;
        })
        .Build();

    [Theory]
    [InlineData(V1, 1, new string[0])]
    [InlineData(V2, 2, new[] { "rush" })]
    [InlineData(V3, 3, new[] { "rush" })]
    public void Every_past_version_loads_into_the_current_record(string json, int version, string[] tags)
    {
        var state = Graph().DeserializeState(json, version);

        Assert.Equal(("ACME GmbH", 1250L, 3), (state.CustomerName, state.AmountCents, state.SchemaVersion));
        Assert.Equal(tags, state.Tags);
    }

    [Fact]
    public void A_checkpoint_newer_than_the_code_is_refused()
    {
        var error = Assert.Throws<StateSchemaTooNewException>(() => Graph().DeserializeState(V3.Replace(":3,", ":4,", StringComparison.Ordinal), 4));
        Assert.Equal((4, 3), (error.CheckpointVersion, error.CodeVersion));
    }

    [Fact]
    public void The_checkpoint_format_is_plain_snake_case_json_without_clr_type_names()
    {
        var json = Graph().SerializeState(new InvoiceState { CustomerName = "ACME GmbH", AmountCents = 1250, Tags = ["rush"] });

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(V3), JsonNode.Parse(json)));
    }

    [Fact]
    public void A_missing_upcaster_is_a_build_error()
    {
        Assert.Throws<GraphDefinitionException>(() => new GraphBuilder<InvoiceState>("invoice", 1)
            .Node("n", (s, c, t) => NodeResult.ContinueTask(s)).Start("n").Edge("n", GraphNames.End).StateSchema(2).Build());
    }
}
