using System.Text.Json;
using System.Text.Json.Nodes;
using Mcs.Mocks.Dify.Extraction;

namespace Mcs.Mocks.Dify;

/// <summary>
/// What the two workflows produce without a script: the contract app reads the PDF (PdfPig) and extracts the fields;
/// the order app maps its JSON inputs to an order payload. A failure here is a node failure (HTTP 200, failed run).
/// </summary>
public static class DifyNaturalRun
{
    public sealed record Result(JsonObject? Outputs, string? Error, string FailingNodeType, string? DocumentText);

    public static Result Compute(DifyApp app, ValidatedInputs inputs, DateOnly today) =>
        app.Workflow == DifyWorkflows.Contract ? Contract(app, inputs.File) : Order(app, inputs.Inputs, today);

    private static Result Contract(DifyApp app, ResolvedFile? file)
    {
        if (file?.Content is null)
        {
            var status = file?.RemoteStatus ?? 404;
            return new Result(null, DownloadError(file?.Url ?? "", status), "document-extractor", null);
        }
        IReadOnlyList<string> lines;
        try
        {
            lines = PdfTextReader.ReadLines(file.Content);
        }
#pragma warning disable CA1031 // Any parser failure is the node's failure, reported in the run like Dify does.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return new Result(null, $"Failed to extract text from PDF: {exception.Message}", "document-extractor", null);
        }
        var contract = ContractTextParser.Parse(lines);
        return new Result(new JsonObject { [app.OutputVariable] = contract }, null, "llm", string.Join('\n', lines));
    }

    private static Result Order(DifyApp app, JsonObject inputs, DateOnly today)
    {
        try
        {
            var payload = OrderPayloadMapper.Map(
                Text(inputs, "contract"), Text(inputs, "customer"), Text(inputs, "company"), Text(inputs, "candidate_products"), today);
            return new Result(new JsonObject { [app.OutputVariable] = payload }, null, "llm", null);
        }
        catch (JsonException exception)
        {
            return new Result(null, $"Code node: JSONDecodeError: {exception.Message}", "code", null);
        }
    }

    public static string DownloadError(string url, int status) =>
        $"Error downloading file: Client error '{status} {ReasonPhrase(status)}' for url '{url}'\nFor more information check: https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/{status}";

    private static string ReasonPhrase(int status) =>
        Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error";

    private static string Text(JsonObject inputs, string name) =>
        inputs[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";
}
