using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Mcs.Benchmarks.Load;

/// <summary>
/// Load against the RUNNING system (./run.sh): sets the Dify stand-in's latency, drives POST /run with distinct mails
/// carrying a ~100 KB PDF at a fixed open-loop rate through the client's Bearer auth, waits for every run to settle,
/// and checks ERP orders = succeeded runs.
/// </summary>
public sealed class LoadBenchmark : IBenchmark
{
    public string Name => "load";

    public string Description => "POST /run load on the running system [--dify-latency-ms N] [--rate N] [--seconds N] [--in-flight N] [--base-url U] [--mocks-url U] [--api-key K] [--settle-timeout S]";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var options = LoadOptions.Parse(args);
        // POSTs are bounded by the in-flight window; every run still going holds one long-poll GET besides.
        using var api = Client(options.BaseUrl, options.InFlight + options.TotalRuns + 64);
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
        using var mocks = Client(options.MocksUrl, 8);

        var tag = DateTimeOffset.UtcNow.ToString("MMddHHmmss", CultureInfo.InvariantCulture);
        Console.WriteLine($"target {options.BaseUrl} (mocks {options.MocksUrl}); {options.TotalRuns} runs at {options.Rate} /s for {options.Seconds} s, in-flight cap {options.InFlight}, Dify latency {options.DifyLatencyMs} ms");
        var bodies = await BuildBodiesAsync(tag, options.TotalRuns + 3, cancellationToken);

        (await mocks.PutAsJsonAsync("_mock/dify/default-latency", new { delay_ms = options.DifyLatencyMs }, cancellationToken)).EnsureSuccessStatusCode();
        // Warm-up (JIT, connection pools, snapshot cache) with three runs, then a clean ERP stand-in for the count.
        var warm = await new LoadDriver(api, options with { Rate = 1000, InFlight = 3 }).DriveAsync(bodies[..3], cancellationToken);
        Console.WriteLine($"warm-up: {string.Join(", ", warm.Select(w => w.Status ?? w.Error))}");
        (await mocks.DeleteAsync("_mock/erp/orders", cancellationToken)).EnsureSuccessStatusCode();

        var sampler = ProcessSampler.ForPort(options.BaseUrl.Port);
        var before = sampler?.Sample();
        var peakRss = new Dictionary<string, double>(StringComparer.Ordinal);
        using var sampling = new CancellationTokenSource();
        var samplingTask = sampler is null ? Task.CompletedTask : SamplePeaksAsync(sampler, peakRss, sampling.Token);
        var window = Stopwatch.StartNew();
        var driver = new LoadDriver(api, options);
        var runs = await driver.DriveAsync(bodies[3..], cancellationToken);
        var elapsed = window.Elapsed.TotalSeconds;
        await sampling.CancelAsync();
        await samplingTask;
        var after = sampler?.Sample();

        var report = new LoadReport(runs);
        report.Print();
        Console.WriteLine($"max POSTs in flight: {driver.MaxObservedInFlight}");
        var orders = await CountOrdersAsync(mocks, cancellationToken);
        var match = orders == report.Succeeded ? "= succeeded runs" : "≠ succeeded runs (MISMATCH)";
        Console.WriteLine($"ERP orders {orders} {match} {report.Succeeded}");
        if (before is not null && after is not null)
        {
            PrintProcesses(before, after, peakRss, elapsed);
        }
        else
        {
            Console.WriteLine("processes: not found (/proc or the orchestrator's listening socket not readable)");
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"load: dify {options.DifyLatencyMs} ms, {options.Rate} runs/s offered × {options.Seconds} s (cap {options.InFlight}) → {report.Throughput:0.0} runs/s settled, p50 {report.LatencyPercentile(50):0.00} s p95 {report.LatencyPercentile(95):0.00} s p99 {report.LatencyPercentile(99):0.00} s, errors {report.Errors}, lost {report.Lost}, succeeded {report.Succeeded}/{runs.Length}, ERP orders {orders} {(orders == report.Succeeded ? "= succeeded" : "MISMATCH")}"));
        return report.Errors == 0 && orders == report.Succeeded ? 0 : 1;
    }

    private static HttpClient Client(Uri baseUrl, int connections) => new(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
    {
        BaseAddress = baseUrl,
        Timeout = TimeSpan.FromMinutes(5),
    };

    // Built before the clock starts: each mail has its own PDF (own contract number), which costs the client real CPU.
    private static async Task<byte[][]> BuildBodiesAsync(string tag, int count, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var sealSide = LoadMails.CalibrateSealSide();
        var bodies = new byte[count][];
        var pdfBytes = new int[count];
        await Parallel.ForAsync(0, count, cancellationToken, (i, _) =>
        {
            (bodies[i], pdfBytes[i]) = LoadMails.Build(tag, i, sealSide);
            return ValueTask.CompletedTask;
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"built {count} mails in {clock.Elapsed.TotalSeconds:0.0} s: PDF {pdfBytes.Average() / 1024:0} KB ({LoadMails.TermsLines} terms lines, seal image {sealSide}×{sealSide} px), request body {bodies.Average(b => b.Length) / 1024:0} KB"));
        return bodies;
    }

    private static async Task<int> CountOrdersAsync(HttpClient mocks, CancellationToken cancellationToken)
    {
        using var response = await mocks.GetAsync("_mock/erp/orders", cancellationToken);
        response.EnsureSuccessStatusCode();
        using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        return document.RootElement.GetProperty("items").GetArrayLength();
    }

    private static async Task SamplePeaksAsync(ProcessSampler sampler, Dictionary<string, double> peaks, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(2));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                foreach (var (label, usage) in sampler.Sample())
                {
                    peaks[label] = Math.Max(peaks.GetValueOrDefault(label), usage.RssMb);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // the run is over
        }
    }

    private static void PrintProcesses(Dictionary<string, (double CpuSeconds, double RssMb, int Processes)> before,
        Dictionary<string, (double CpuSeconds, double RssMb, int Processes)> after, Dictionary<string, double> peakRss, double seconds)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"processes over the {seconds:0.0} s window (CPU % of one core; 2 cores = 200 %):"));
        foreach (var (label, usage) in after.OrderByDescending(p => p.Value.CpuSeconds - before.GetValueOrDefault(p.Key).CpuSeconds))
        {
            var cpu = usage.CpuSeconds - before.GetValueOrDefault(label).CpuSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {label,-18} CPU {cpu,7:0.0} s = {100 * cpu / seconds,5:0} %   RSS end {usage.RssMb,7:0} MB, peak {Math.Max(usage.RssMb, peakRss.GetValueOrDefault(label)),7:0} MB   ({usage.Processes} processes)"));
        }
    }
}
