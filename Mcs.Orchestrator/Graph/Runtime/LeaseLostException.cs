namespace Mcs.Orchestrator.Graph.Runtime;

/// <summary>This replica no longer owns the run (its lease was renewed by nobody, or taken over); stop, commit nothing.</summary>
public sealed class LeaseLostException : OperationCanceledException
{
    public LeaseLostException()
        : base("The run's lease was lost.")
    {
    }

    public LeaseLostException(string message)
        : base(message)
    {
    }

    public LeaseLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
