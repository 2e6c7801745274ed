using System.Net.Http.Headers;

namespace Mcs.Mocks.Dify;

/// <summary>
/// Fetches a <c>remote_url</c> file at request time, as Dify's <c>ssrf_proxy</c> does: a few tries on network errors
/// and 429/5xx, then "Reached maximum retries (3) for URL …". A 4xx is tolerated here and fails the run later, at
/// the document-extractor node (dify-api.md §3). The bytes are what a script's <c>file_sha256</c> matches.
/// </summary>
public sealed class RemoteFileFetcher(IHttpClientFactory httpClientFactory)
{
    public const string HttpClientName = "dify-remote-url";
    private const int MaxRetries = 3;

    public async Task<RemoteFile?> FetchAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }
        var client = httpClientFactory.CreateClient(HttpClientName);
        for (var attempt = 0; attempt <= MaxRetries; attempt++)
        {
            try
            {
                using var response = await client.GetAsync(uri, cancellationToken);
                var status = (int)response.StatusCode;
                if (status is 429 or >= 500)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(100 << attempt), cancellationToken);
                    continue;
                }
                var name = FileNameOf(response.Content.Headers.ContentDisposition, uri);
                var mime = response.Content.Headers.ContentType?.MediaType;
                var content = response.IsSuccessStatusCode ? await response.Content.ReadAsByteArrayAsync(cancellationToken) : null;
                return new RemoteFile(url, name, mime, status, content);
            }
            catch (HttpRequestException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100 << attempt), cancellationToken);
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The per-try timeout, not the caller giving up.
            }
        }
        return null;
    }

    private static string FileNameOf(ContentDispositionHeaderValue? disposition, Uri uri)
    {
        var fromHeader = disposition?.FileNameStar ?? disposition?.FileName;
        if (!string.IsNullOrWhiteSpace(fromHeader))
        {
            return fromHeader.Trim('"');
        }
        var last = Uri.UnescapeDataString(uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "");
        return string.IsNullOrEmpty(last) ? uri.Host : last;
    }
}
