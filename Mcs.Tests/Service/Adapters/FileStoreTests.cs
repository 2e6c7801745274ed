using System.Net;
using System.Security.Cryptography;
using Mcs.Orchestrator.Adapters.FileStore;
using Mcs.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Mcs.Tests.Service.Adapters;

/// <summary>Both stores, and <c>GET /v1/files/{id}</c> over real HTTP: only a valid, unexpired signature gets the bytes.</summary>
public sealed class FileStoreTests : IAsyncLifetime
{
    private static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n"u8.ToArray();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-27T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "mcs-files-" + Guid.NewGuid().ToString("N"));
    private StubServer _server = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync() => _server = await StubServer.StartAsync(app => app.MapFileEndpoints(), services =>
    {
        services.AddSingleton<TimeProvider>(_time);
        services.AddSingleton(Options.Create(new FileStoreOptions
        {
            Directory = _directory,
            SigningKey = "test-signing-key-0123456789abcdef0123",
            UrlTtl = TimeSpan.FromMinutes(15),
            PublicBaseUrl = new Uri("http://placeholder"),
        }));
        services.AddSingleton<FileUrlSigner>();
        services.AddSingleton<IFileStore, DiskFileStore>();
    });

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _http.Dispose();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private IFileStore Store => _server.Services.GetRequiredService<IFileStore>();

    private Uri Served(Uri signed) => new(_server.BaseUrl, signed.PathAndQuery.TrimStart('/'));

    [Fact]
    public async Task Stored_bytes_are_addressed_by_sha256_and_stored_once()
    {
        var first = await Store.PutAsync(Pdf, "HT-2026-0042.pdf", "application/pdf", CancellationToken.None);
        var second = await Store.PutAsync(Pdf, "copy.pdf", "application/pdf", CancellationToken.None);
        var read = await Store.GetAsync(first.Id, CancellationToken.None);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Pdf)), first.Sha256);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal("HT-2026-0042.pdf", second.FileName);
        Assert.Equal(Pdf, read!.Content.ToArray());
        Assert.Equal(2, Directory.EnumerateFiles(_directory, "*", SearchOption.AllDirectories).Count());
    }

    [Fact]
    public async Task A_signed_url_serves_the_pdf_until_it_expires()
    {
        var file = await Store.PutAsync(Pdf, "HT-2026-0042.pdf", "application/pdf", CancellationToken.None);
        var url = Served(Store.CreateSignedUrl(file.Id, TimeSpan.FromMinutes(5)));

        using var fresh = await _http.GetAsync(url);
        _time.Advance(TimeSpan.FromMinutes(5));
        using var expired = await _http.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal("application/pdf", fresh.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Pdf, await fresh.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
        Assert.Contains("\"code\":\"forbidden\"", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tampered_url_is_forbidden()
    {
        var file = await Store.PutAsync(Pdf, "a.pdf", "application/pdf", CancellationToken.None);
        var other = await Store.PutAsync("%PDF-other"u8.ToArray(), "b.pdf", "application/pdf", CancellationToken.None);
        var url = Served(Store.CreateSignedUrl(file.Id)).ToString();
        var expires = System.Web.HttpUtility.ParseQueryString(new Uri(url).Query)["expires"]!;

        var otherId = url.Replace(file.Id, other.Id, StringComparison.Ordinal);
        var longer = url.Replace("expires=" + expires, "expires=" + (long.Parse(expires, System.Globalization.CultureInfo.InvariantCulture) + 3600), StringComparison.Ordinal);
        var unsigned = url[..url.IndexOf("&sig=", StringComparison.Ordinal)];

        foreach (var tampered in new[] { otherId, longer, unsigned, url + "x" })
        {
            using var response = await _http.GetAsync(tampered);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    [Fact]
    public async Task The_postgres_store_keeps_files_in_its_own_table()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("files");
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var store = new PostgresFileStore(dataSource, _server.Services.GetRequiredService<FileUrlSigner>());

        var stored = await store.PutAsync(Pdf, "HT-2026-0042.pdf", "application/pdf", CancellationToken.None);
        await store.PutAsync(Pdf, "again.pdf", "application/pdf", CancellationToken.None);
        var read = await store.GetAsync(stored.Id, CancellationToken.None);
        var missing = await store.GetAsync(new string('0', 64), CancellationToken.None);

        Assert.Equal(Pdf, read!.Content.ToArray());
        Assert.Equal("HT-2026-0042.pdf", read.File.FileName);
        Assert.Null(missing);
        await using var count = dataSource.CreateCommand("SELECT count(*) FROM file_store_files");
        Assert.Equal(1L, await count.ExecuteScalarAsync());
    }
}
