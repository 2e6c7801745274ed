using System.Net;
using Npgsql;

namespace Mcs.Orchestrator.Graph;

/// <summary>The default "is this worth retrying" rule: timeouts, HTTP 408/429/5xx or no response, transient database errors.</summary>
public static class TransientErrors
{
    public static bool IsTransient(Exception exception) => exception switch
    {
        NodeFailedException failed => failed.Retryable,
        TimeoutException => true,
        HttpRequestException { StatusCode: null } => true,
        HttpRequestException { StatusCode: { } status } => IsTransientStatus(status),
        NpgsqlException npgsql => npgsql.IsTransient,
        OperationCanceledException => false,
        _ => false,
    };

    public static bool IsTransientStatus(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;
}
