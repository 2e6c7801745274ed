using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Mcs.Tests.Support;

namespace Mcs.Tests.Service.Mocks;

/// <summary>The importable DSL in docs/dify and the stand-in must declare the same variables, or MCS breaks on one of them.</summary>
public sealed class DifyDslTests(MocksFixture fixture) : IClassFixture<MocksFixture>
{
    [Theory]
    [InlineData("mcs-contract-extraction.yml", "contract")]
    [InlineData("mcs-order-payload.yml", "order_payload")]
    public async Task Dsl_declares_the_stand_ins_start_variables_and_end_output(string file, string workflow)
    {
        var yaml = await File.ReadAllTextAsync(DslPath(file));
        var key = workflow == "contract" ? TestKeys.DifyContractKey : TestKeys.DifyOrderKey;
        using var dify = fixture.Server.Dify(key);

        var form = JsonNode.Parse(await dify.GetStringAsync("parameters"))!["user_input_form"]!.AsArray();

        Assert.Contains("mode: workflow", yaml, StringComparison.Ordinal);
        foreach (var item in form)
        {
            var (type, definition) = item!.AsObject().Single();
            var name = definition!["variable"]!.GetValue<string>();
            Assert.Matches($@"variable: {name}[,\n].*|variable: {name}$", yaml);
            Assert.Contains($"type: {type}", yaml, StringComparison.Ordinal);
        }
        Assert.Contains($"{{variable: {workflow}, value_selector:", yaml, StringComparison.Ordinal);
    }

    private static string DslPath(string file, [CallerFilePath] string callerPath = "") =>
        Path.Combine(Path.GetDirectoryName(callerPath)!, "..", "..", "..", "docs", "dify", file);
}
