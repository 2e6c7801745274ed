using System.Diagnostics.CodeAnalysis;

namespace Mcs.Mocks.Dify;

/// <summary>Dify's Service API auth (<c>validate_app_token</c>): Bearer scheme, case-insensitive, one key = one app.</summary>
public static class DifyAuthenticator
{
    public static bool TryAuthenticate(HttpContext context, DifyAppCatalog apps, [NotNullWhen(true)] out DifyApp? app, [NotNullWhen(false)] out IResult? failure)
    {
        app = null;
        failure = null;
        var header = context.Request.Headers.Authorization.ToString();
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0 || !header[..space].Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            failure = Unauthorized(context, "Authorization header must be provided and start with 'Bearer'");
            return false;
        }
        app = apps.FindByKey(header[(space + 1)..].Trim());
        if (app is null)
        {
            failure = Unauthorized(context, "Access token is invalid");
            return false;
        }
        return true;
    }

    private static IResult Unauthorized(HttpContext context, string message)
    {
        context.Response.Headers.WWWAuthenticate = "Bearer realm=\"api\"";
        return DifyErrors.Json(StatusCodes.Status401Unauthorized, "unauthorized", message);
    }
}
