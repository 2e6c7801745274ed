using System.Text.RegularExpressions;
using Mcs.Mocks.Dify;
using Mcs.Mocks.Dify.Scripting;

namespace Mcs.Mocks.Admin;

/// <summary>Field errors of a script body (empty when valid), named by their JSON paths.</summary>
public static partial class DifyScriptValidator
{
    public static Dictionary<string, string[]> Validate(DifyScript script)
    {
        var errors = new Dictionary<string, string[]>();
        if (!DifyWorkflows.IsKnown(script.Workflow))
        {
            errors["workflow"] = [$"must be '{DifyWorkflows.Contract}' or '{DifyWorkflows.OrderPayload}'"];
        }
        if (script.Match.FileSha256 is { } sha && !Sha256Hex().IsMatch(sha))
        {
            errors["match.file_sha256"] = ["must be 64 hexadecimal characters"];
        }
        if (script.Match.InputContains is { Length: 0 })
        {
            errors["match.input_contains"] = ["must not be empty; leave it out to match every input"];
        }
        if (script.Responses.Count == 0)
        {
            errors["responses"] = ["must contain at least one response"];
        }
        for (var i = 0; i < script.Responses.Count; i++)
        {
            var response = script.Responses[i];
            var kinds = (response.Outputs is null ? 0 : 1) + (response.OutputsText is null ? 0 : 1) + (response.Fault is null ? 0 : 1);
            if (kinds != 1)
            {
                errors[$"responses[{i}]"] = ["must have exactly one of outputs, outputs_text, fault"];
            }
            else if (response.Fault is { } fault && !DifyFaults.All.Contains(fault))
            {
                errors[$"responses[{i}].fault"] = [$"unknown scenario '{fault}'; known: {string.Join(", ", DifyFaults.All.Order())}"];
            }
            if (response.DelayMs is < 0 or > 3_600_000)
            {
                errors[$"responses[{i}].delay_ms"] = ["must be between 0 and 3600000"];
            }
        }
        return errors;
    }

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex Sha256Hex();
}
