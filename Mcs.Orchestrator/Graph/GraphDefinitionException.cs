namespace Mcs.Orchestrator.Graph;

/// <summary><see cref="GraphBuilder{TState}.Build"/> found a mistake in the graph (unknown target, second entry, unreachable node...).</summary>
public sealed class GraphDefinitionException : Exception
{
    public GraphDefinitionException()
    {
    }

    public GraphDefinitionException(string message)
        : base(message)
    {
    }

    public GraphDefinitionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
