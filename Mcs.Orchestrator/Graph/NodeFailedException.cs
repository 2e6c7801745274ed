namespace Mcs.Orchestrator.Graph;

/// <summary>
/// A node failure with a stable code. Throw it (or return <see cref="NodeResult.Fail{TState}"/>) when the node knows
/// whether retrying can help; any other exception is classified by the node's <see cref="RetryPolicy.RetryOn"/>.
/// </summary>
public sealed class NodeFailedException : Exception
{
    public NodeFailedException(string code, string message, bool retryable, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
        Retryable = retryable;
    }

    public NodeFailedException()
        : this("node_failed", "The node failed.", false)
    {
    }

    public NodeFailedException(string message)
        : this("node_failed", message, false)
    {
    }

    public NodeFailedException(string message, Exception innerException)
        : this("node_failed", message, false, innerException)
    {
    }

    public string Code { get; }

    public bool Retryable { get; }
}
