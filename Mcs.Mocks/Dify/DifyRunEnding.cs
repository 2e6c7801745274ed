namespace Mcs.Mocks.Dify;

/// <summary>How a run's HTTP exchange ends, independent of the run's own status.</summary>
public enum DifyRunEnding
{
    /// <summary>Blocking JSON or <c>workflow_finished</c>.</summary>
    Finish,

    /// <summary>Streaming: an <c>error</c> event; blocking: the same error as an HTTP 400.</summary>
    StreamError,

    /// <summary>The connection closes before the end; the run stays <c>running</c> in the store.</summary>
    Drop,

    /// <summary>A proxy gives up: blocking 504 HTML, streaming a cut connection; the run completes in the store.</summary>
    GatewayTimeout,
}
