namespace Mcs.Orchestrator.Adapters.Dify;

public enum DifyResponseMode
{
    /// <summary>SSE with pings every ~10 s: survives proxies with idle timeouts (the default).</summary>
    Streaming,

    /// <summary>One JSON answer at the end; only where no proxy with a short idle timeout sits in between.</summary>
    Blocking,
}
