namespace Mcs.Orchestrator.Graph;

/// <summary>
/// A checkpoint was written by newer code than this process runs. Running it would silently drop the fields this
/// code does not know on its next write, so the run is marked <c>blocked</c> instead.
/// </summary>
public sealed class StateSchemaTooNewException : Exception
{
    public StateSchemaTooNewException(int checkpointVersion, int codeVersion)
        : base($"The checkpoint's state schema version {checkpointVersion} is newer than this code's {codeVersion}.")
    {
        CheckpointVersion = checkpointVersion;
        CodeVersion = codeVersion;
    }

    public StateSchemaTooNewException()
    {
    }

    public StateSchemaTooNewException(string message)
        : base(message)
    {
    }

    public StateSchemaTooNewException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int CheckpointVersion { get; }

    public int CodeVersion { get; }
}
