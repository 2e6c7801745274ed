using System.Text.Json.Nodes;

namespace Mcs.Mocks.Dify;

/// <summary>
/// Dify's own error envelope (<c>{"code","message","status"}</c>, HTTP status = <c>status</c>) and the non-JSON
/// bodies that proxies in front of Dify produce (dify-api.md §1, §7).
/// </summary>
public static class DifyErrors
{
    public const string HtmlGatewayTimeout =
        "<html>\r\n<head><title>504 Gateway Time-out</title></head>\r\n<body>\r\n<center><h1>504 Gateway Time-out</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

    public const string HtmlCloudflare1015 =
        "<!DOCTYPE html>\n<html><head><title>Access denied | api.dify.ai used Cloudflare to restrict access</title></head>"
        + "<body><h1>Error 1015</h1><h2>You are being rate limited</h2>"
        + "<p>The owner of this website (api.dify.ai) has banned you temporarily from accessing this website.</p></body></html>\n";

    public static string Body(int status, string code, string message)
    {
        var body = new JsonObject { ["code"] = code, ["message"] = message, ["status"] = status };
        return body.ToJsonString();
    }

    public static IResult Json(int status, string code, string message) =>
        TypedResults.Text(Body(status, code, message), "application/json", statusCode: status);

    public static IResult InvalidParam(string message) => Json(StatusCodes.Status400BadRequest, "invalid_param", message);

    public static IResult Html(int status, string html) => TypedResults.Text(html, "text/html", statusCode: status);

    public static IResult NotFound(string message) => Json(StatusCodes.Status404NotFound, "not_found", message);
}
