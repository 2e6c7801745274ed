using Mcs.Orchestrator.Adapters.Dify;

namespace Mcs.Tests.Unit.Adapters;

public sealed class JsonRepairTests
{
    [Theory]
    [InlineData("{\"contract_no\": \"A-1\"}")]
    [InlineData("```json\n{\"contract_no\": \"A-1\"}\n```")]
    [InlineData("```\n{\"contract_no\": \"A-1\"}\n```")]
    [InlineData("Sure! Here is the JSON:\n```json\n{\"contract_no\": \"A-1\"}\n```\nAnything else?")]
    [InlineData("The result is {\"contract_no\": \"A-1\", \"note\": \"a } inside\"} as requested.")]
    [InlineData("{'contract_no': 'A-1'}")]
    [InlineData("{\"contract_no\": \"A-1\",}")]
    public void The_object_is_found_in_what_an_llm_wrote(string text)
    {
        var json = JsonRepair.ParseObject(text);

        Assert.NotNull(json);
        Assert.Equal("A-1", json["contract_no"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("")]
    [InlineData("I could not find a contract.")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{\"unterminated\": ")]
    public void No_object_gives_null(string text) => Assert.Null(JsonRepair.ParseObject(text));
}
