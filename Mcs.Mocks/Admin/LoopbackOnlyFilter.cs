using System.Net;
using Mcs.ServiceDefaults;

namespace Mcs.Mocks.Admin;

/// <summary>
/// The admin API is unauthenticated because it is a test instrument; refusing every caller that is not on this
/// machine is what keeps it from being a remote control for anyone on the network.
/// </summary>
public sealed class LoopbackOnlyFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var remote = context.HttpContext.Connection.RemoteIpAddress;
        if (remote is null || !IPAddress.IsLoopback(remote))
        {
            return McsProblemDetails.Problem(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden,
                "The Mcs.Mocks admin API answers loopback callers only.");
        }
        return await next(context);
    }
}
