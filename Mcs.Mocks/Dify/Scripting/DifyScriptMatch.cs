namespace Mcs.Mocks.Dify.Scripting;

/// <summary>Which runs a script answers: the SHA-256 of the file a run references and/or a substring of its inputs.</summary>
public sealed record DifyScriptMatch
{
    public string? FileSha256 { get; init; }
    public string? InputContains { get; init; }

    public bool SameAs(DifyScriptMatch other) =>
        string.Equals(FileSha256, other.FileSha256, StringComparison.OrdinalIgnoreCase)
        && string.Equals(InputContains, other.InputContains, StringComparison.Ordinal);

    public bool Matches(string? fileSha256, string inputsText) =>
        (FileSha256 is null || string.Equals(FileSha256, fileSha256, StringComparison.OrdinalIgnoreCase))
        && (InputContains is null || inputsText.Contains(InputContains, StringComparison.Ordinal));
}
