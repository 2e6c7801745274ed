namespace Mcs.Orchestrator.Adapters.Erp;

/// <summary>Stable codes of <see cref="ErpFailure.Code"/> (docs/errors.md, Orchestrator section).</summary>
public static class ErpErrorCodes
{
    /// <summary>422: the gateway refused the order (business validation); never retried.</summary>
    public const string Rejected = "erp_rejected";

    /// <summary>401/403/404 route or other 4xx: our configuration is wrong; never retried.</summary>
    public const string Configuration = "erp_configuration";

    /// <summary>5xx, timeout, network error after retries: retry the node later (same idempotency key).</summary>
    public const string Unavailable = "erp_unavailable";

    /// <summary>409 whose order carries another external_ref, or a 2xx body we cannot read.</summary>
    public const string ProtocolError = "erp_protocol_error";
}
