using Mcs.ServiceDefaults;

namespace Mcs.Orchestrator.Adapters.Masterdata;

/// <summary>The masterdata service cannot be reached and no snapshot was ever loaded: retry the node later.</summary>
public sealed class MasterdataUnavailableException(string message, Exception? innerException = null)
    : McsException(MasterdataErrorCodes.Unavailable, message, 503, retryable: true)
{
    public Exception? Cause { get; } = innerException;
}
