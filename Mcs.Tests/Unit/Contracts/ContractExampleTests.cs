using System.Text.Json;
using System.Text.Json.Nodes;
using Mcs.Contracts;
using Mcs.Contracts.Email;
using Mcs.Contracts.MasterData;
using Mcs.Contracts.Orders;
using Mcs.Contracts.Results;
using Mcs.Contracts.Runs;

namespace Mcs.Tests.Unit.Contracts;

/// <summary>
/// The plan's test_schema_examples: every checked-in example (Mcs.Contracts/Examples) parses and writes back to the
/// same JSON, and broken variants are refused with a message that names the field.
/// </summary>
public class ContractExampleTests
{
    public static TheoryData<string, Type> Examples => new()
    {
        { "EmailEvent.json", typeof(EmailEvent) },
        { "MasterData.json", typeof(MasterDataSnapshot) },
        { "Company.json", typeof(Company) },
        { "Customer.json", typeof(Customer) },
        { "Contact.json", typeof(Contact) },
        { "Product.json", typeof(Product) },
        { "BulkChange.json", typeof(BulkChange) },
        { "ContactMatchResult.json", typeof(ContactMatchResult) },
        { "ContractSignalResult.json", typeof(ContractSignalResult) },
        { "CustomerMatchResult.json", typeof(CustomerMatchResult) },
        { "DifyContractResult.json", typeof(DifyContractResult) },
        { "ErpOrderPayload.json", typeof(ErpOrderPayload) },
        { "ErpOrderResult.json", typeof(ErpOrderResult) },
        { "ReviewRequest.json", typeof(ReviewRequest) },
        { "OrchestratorRunResult.json", typeof(OrchestratorRunResult) },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_round_trips_to_the_same_json(string file, Type type)
    {
        var original = Load(file);
        var value = JsonSerializer.Deserialize(original.ToJsonString(), type, McsJson.Options);
        var written = JsonNode.Parse(JsonSerializer.Serialize(value, type, McsJson.Options))!;
        Assert.True(JsonNode.DeepEquals(Normalize(original), Normalize(written)),
            $"{file} changed on a round trip:\nexpected {original.ToJsonString()}\nactual   {written.ToJsonString()}");
    }

    [Fact]
    public void Every_example_file_is_covered_by_a_round_trip_test()
    {
        var files = Directory.GetFiles(ExamplesDirectory, "*.json").Select(Path.GetFileName).Order().ToArray();
        var covered = Examples.Select(row => (string)row[0]).Order().ToArray();
        Assert.Equal(files, covered);
    }

    public static TheoryData<string, Type, string, string, string> BrokenExamples => new()
    {
        // file, type, field path, what to do to it, the name the error must mention
        { "EmailEvent.json", typeof(EmailEvent), "delivery_id", "remove", "delivery_id" },
        { "EmailEvent.json", typeof(EmailEvent), "subject", "null", "subject" },
        { "EmailEvent.json", typeof(EmailEvent), "attachments.0.size", "string", "size" },
        { "EmailEvent.json", typeof(EmailEvent), "from.address", "remove", "address" },
        { "Customer.json", typeof(Customer), "status", "unknown-enum", "status" },
        { "Customer.json", typeof(Customer), "customer_num", "remove", "customer_num" },
        { "Product.json", typeof(Product), "unit_price", "string", "unit_price" },
        { "Product.json", typeof(Product), "status", "number", "status" },
        { "ContactMatchResult.json", typeof(ContactMatchResult), "method", "unknown-enum", "method" },
        { "ErpOrderPayload.json", typeof(ErpOrderPayload), "lines.0.quantity", "string", "quantity" },
        { "ErpOrderPayload.json", typeof(ErpOrderPayload), "external_ref", "remove", "external_ref" },
        { "ErpOrderPayload.json", typeof(ErpOrderPayload), "order_date", "bad-date", "order_date" },
        { "ErpOrderResult.json", typeof(ErpOrderResult), "outcome", "unknown-enum", "outcome" },
        { "ReviewRequest.json", typeof(ReviewRequest), "decision", "unknown-enum", "decision" },
        { "DifyContractResult.json", typeof(DifyContractResult), "total_amount", "string", "total_amount" },
        { "MasterData.json", typeof(MasterDataSnapshot), "version", "remove", "version" },
    };

    [Theory]
    [MemberData(nameof(BrokenExamples))]
    public void Broken_example_is_refused_naming_the_field(string file, Type type, string path, string mutation, string field)
    {
        var json = Load(file);
        Mutate(json, path.Split('.'), mutation);
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json.ToJsonString(), type, McsJson.Options));
        var said = $"{error.Path} {error.Message}";
        Assert.Contains(field, said, StringComparison.Ordinal);
    }

    private static string ExamplesDirectory => Path.Combine(AppContext.BaseDirectory, "ContractExamples");

    private static JsonNode Load(string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(ExamplesDirectory, file)))!;

    // Numbers compare by value (12.5 and 12.50 are the same amount); everything else as written.
    private static JsonNode? Normalize(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, Normalize(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Normalize).ToArray()),
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => JsonValue.Create(value.GetValue<decimal>()),
        JsonValue value when value.TryGetValue<string>(out var text) && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var at) && text.Contains('T') => JsonValue.Create(at.UtcDateTime),
        _ => node?.DeepClone(),
    };

    private static void Mutate(JsonNode root, string[] path, string mutation)
    {
        var parent = root;
        foreach (var step in path[..^1])
        {
            parent = int.TryParse(step, out var index) ? parent[index]! : parent[step]!;
        }
        var obj = parent.AsObject();
        var key = path[^1];
        switch (mutation)
        {
            case "remove":
                obj.Remove(key);
                break;
            case "null":
                obj[key] = null;
                break;
            case "string":
                obj[key] = "not a number";
                break;
            case "number":
                obj[key] = 1;
                break;
            case "unknown-enum":
                obj[key] = "no_such_value";
                break;
            case "bad-date":
                obj[key] = "27/11/2026";
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(mutation), mutation, null);
        }
    }
}
