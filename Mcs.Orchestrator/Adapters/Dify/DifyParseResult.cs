namespace Mcs.Orchestrator.Adapters.Dify;

/// <summary>A parsed workflow output or why it could not be used.</summary>
public sealed record DifyParseResult<T>(T? Value, string? Error, IReadOnlyList<string> Warnings)
    where T : class
{
    public static DifyParseResult<T> Ok(T value, IReadOnlyList<string> warnings) => new(value, null, warnings);

    public static DifyParseResult<T> Fail(string error) => new(null, error, []);
}
