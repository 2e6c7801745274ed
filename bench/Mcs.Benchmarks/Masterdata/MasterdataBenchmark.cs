using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Mcs.Contracts;
using Mcs.Contracts.MasterData;
using Mcs.Masterdata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Mcs.Benchmarks.Masterdata;

/// <summary>
/// Mcs.Masterdata in this process on Kestrel (loopback), over a local PostgreSQL (fsync on) and Redis: bulk load,
/// warm <c>GET /all</c> for one client, then <c>GET /version</c> and the 304 path with 32 clients.
/// Options: --customers N --contacts N --products N --seconds S.
/// </summary>
public sealed class MasterdataBenchmark : IBenchmark
{
    public string Name => "masterdata";
    public string Description => "bulk load, warm GET /all, /version and 304 throughput (32 clients)";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        int Option(string name, int fallback) => args.SkipWhile(a => a != name).Skip(1).Select(v => int.Parse(v, CultureInfo.InvariantCulture)).DefaultIfEmpty(fallback).First();
        var (customers, contacts, products, seconds) = (Option("--customers", 10_000), Option("--contacts", 50_000), Option("--products", 100_000), Option("--seconds", 10));

        Console.WriteLine($"load average at start: {LoadAverage()}");
        await using var servers = new BenchServers();
        await servers.StartAsync();
        var apiKey = "bench-" + Guid.NewGuid().ToString("N");
        var port = FreePort();
        await using var app = BuildService(servers, apiKey, port);
        await app.StartAsync(cancellationToken);

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64, AutomaticDecompression = DecompressionMethods.None })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
            Timeout = TimeSpan.FromMinutes(10),
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);

        var data = SyntheticMasterData.Create(customers, contacts, products);
        await TimedPutAsync(http, new BulkChange { Companies = data.Companies, Customers = data.Customers }, cancellationToken);
        var contactsSeconds = await TimedPutAsync(http, new BulkChange { Contacts = data.Contacts }, cancellationToken);
        var productsSeconds = await TimedPutAsync(http, new BulkChange { Products = data.Products }, cancellationToken);
        Console.WriteLine($"bulk upsert: {contacts} contacts in {contactsSeconds:0.00} s; {products} products (+part numbers) in {productsSeconds:0.00} s");

        var cold = Stopwatch.StartNew();
        var identity = await GetAllAsync(http, null, cancellationToken);
        Console.WriteLine($"first GET /all (snapshot built from PostgreSQL): {cold.Elapsed.TotalMilliseconds:0} ms, {identity.Length / 1e6:0.0} MB JSON");
        var gzip = await GetAllAsync(http, "gzip", cancellationToken);
        var brotli = await GetAllAsync(http, "br", cancellationToken);
        Console.WriteLine($"sizes: identity {identity.Length / 1e6:0.00} MB, gzip {gzip.Length / 1e6:0.00} MB, br {brotli.Length / 1e6:0.00} MB");

        var warm = new List<double>();
        var drain = new byte[1 << 20];
        var warmClock = Stopwatch.StartNew();
        for (var i = 0; i < 200; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await DrainAllAsync(http, "gzip", drain, cancellationToken);
            warm.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        var warmResult = LoadResult.From(warm, warmClock.Elapsed.TotalSeconds);
        Console.WriteLine($"warm GET /all (gzip, 1 client): {warmResult}");

        var version = (await http.GetFromJsonAsync<MasterDataVersion>("/v1/masterdata/version", McsJson.Options, cancellationToken))!.Version;
        var versionResult = await LoadAsync(http, () => new HttpRequestMessage(HttpMethod.Get, "/v1/masterdata/version"), HttpStatusCode.OK, 32, seconds, cancellationToken);
        Console.WriteLine($"GET /version, 32 clients: {versionResult}");
        var notModified = await LoadAsync(http, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/v1/masterdata/all");
            request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
            return request;
        }, HttpStatusCode.NotModified, 32, seconds, cancellationToken);
        Console.WriteLine($"GET /all If-None-Match (304), 32 clients: {notModified}");

        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var heapMb = GC.GetTotalMemory(forceFullCollection: true) / 1e6;
        var workingSetMb = Process.GetCurrentProcess().WorkingSet64 / 1e6;
        Console.WriteLine($"memory with the snapshot cached: managed heap {heapMb:0} MB, working set {workingSetMb:0} MB (service and load generator share this process)");

        await app.StopAsync(cancellationToken);
        var load = LoadAverage();
        Console.WriteLine($"load average at end: {load}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"masterdata: bulk {products} products {productsSeconds:0.0} s | warm /all p99 {warmResult.P99Ms:0.0} ms (gzip {gzip.Length / 1e6:0.0} MB) | /version {versionResult.PerSecond:0} req/s p50 {versionResult.P50Ms:0.00} p99 {versionResult.P99Ms:0.00} ms | 304 {notModified.PerSecond:0} req/s p50 {notModified.P50Ms:0.00} p99 {notModified.P99Ms:0.00} ms | heap {heapMb:0} MB | load {load}"));
        return 0;
    }

    private static WebApplication BuildService(BenchServers servers, string apiKey, int port)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:" + ServiceNames.MasterdataDb] = servers.PostgresConnectionString,
            ["ConnectionStrings:" + ServiceNames.Redis] = servers.RedisConnectionString,
            ["Mcs:ApiKey"] = apiKey,
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.AddServiceDefaults();
        builder.AddMasterdata();
        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapMasterdataEndpoints();
        return app;
    }

    private static async Task<double> TimedPutAsync(HttpClient http, BulkChange change, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var response = await http.PutAsJsonAsync("/v1/masterdata/bulk", change, McsJson.Options, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"bulk failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
        return clock.Elapsed.TotalSeconds;
    }

    private static async Task<byte[]> GetAllAsync(HttpClient http, string? encoding, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/masterdata/all");
        if (encoding is not null)
        {
            request.Headers.AcceptEncoding.ParseAdd(encoding);
        }
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    /// <summary>
    /// A client that streams the body through one reused buffer, as a real consumer parsing it would: reading it into
    /// a fresh 4 MB array per request measured the load generator's large-object-heap collections, not the service.
    /// </summary>
    private static async Task<long> DrainAllAsync(HttpClient http, string encoding, byte[] buffer, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/masterdata/all");
        request.Headers.AcceptEncoding.ParseAdd(encoding);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
        }
        return total;
    }

    /// <summary>The 1/5/15-minute load averages: the machine is shared, so every figure is printed next to them.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static async Task<LoadResult> LoadAsync(HttpClient http, Func<HttpRequestMessage> request, HttpStatusCode expected, int clients, int seconds, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        var clock = Stopwatch.StartNew();
        var perClient = await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            var latencies = new List<double>(100_000);
            while (Stopwatch.GetTimestamp() < deadline && !cancellationToken.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                using var message = request();
                using var response = await http.SendAsync(message, cancellationToken);
                await response.Content.ReadAsByteArrayAsync(cancellationToken);
                if (response.StatusCode != expected)
                {
                    throw new InvalidOperationException($"expected {expected}, got {response.StatusCode}");
                }
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            return latencies;
        }));
        return LoadResult.From([.. perClient.SelectMany(l => l)], clock.Elapsed.TotalSeconds);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
