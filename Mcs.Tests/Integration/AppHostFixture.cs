using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Mcs.Contracts;
using Mcs.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Mcs.Tests.Integration;

/// <summary>
/// The whole system started once per test collection through the AppHost in local mode: its own data folder, free
/// ports, random keys and fsync off, so it never collides with a running instance. Every process the AppHost starts
/// is recorded by pid so the tests can prove none is left behind.
/// </summary>
public sealed class AppHostFixture : IAsyncLifetime
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(10);

    /// <summary>
    /// No cross-service test may outlive this: a stuck wait then fails the one test that is stuck instead of holding
    /// the whole run until CI gives up. It covers a private AppHost's start (the cleanup test) plus the test itself.
    /// </summary>
    public const int TestTimeoutMs = 15 * 60 * 1000;

    private static readonly TimeSpan StopTimeout = TimeSpan.FromMinutes(2);
    public static readonly string[] Services = [ServiceNames.Masterdata, ServiceNames.Orchestrator, ServiceNames.EmailListener, ServiceNames.Mocks];

    private readonly string _dataRoot = Path.Combine(TestRoot.Path, "apphost-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly HashSet<int> _pids = [];
    private readonly Dictionary<string, int> _currentPids = new(StringComparer.Ordinal);
    private DistributedApplication? _app;
    private CancellationTokenSource? _watch;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The AppHost is not started.");

    public string DataRoot => _dataRoot;

    public TimeSpan StartDuration { get; private set; }

    public IReadOnlyCollection<int> ProcessIds
    {
        get
        {
            lock (_pids)
            {
                return [.. _pids];
            }
        }
    }

    /// <summary>The process id Aspire reports for a resource's latest start (a project's <c>dotnet run</c>, say).</summary>
    public int CurrentProcessId(string resource)
    {
        lock (_pids)
        {
            return _currentPids.TryGetValue(resource, out var pid) ? pid : throw new InvalidOperationException($"No process recorded for {resource}.");
        }
    }

    public async Task InitializeAsync()
    {
        var started = Stopwatch.StartNew();
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Mcs_AppHost>(
        [
            "--Mcs:Infrastructure=local",
            $"--Mcs:DataRoot={_dataRoot}",
            "--Mcs:Postgres:Fsync=false",
            "--Mcs:Ports:Masterdata=0", "--Mcs:Ports:Orchestrator=0", "--Mcs:Ports:EmailListener=0", "--Mcs:Ports:Mocks=0",
            "--Mcs:Ports:Smtp=0", "--Mcs:Ports:Imap=0", "--Mcs:Ports:Postgres=0", "--Mcs:Ports:Redis=0",
            $"--Parameters:{ServiceNames.Parameters.ApiKey}={TestKeys.ApiKey}",
            $"--Parameters:{ServiceNames.Parameters.MailboxPassword}={TestKeys.MailboxPassword}",
            $"--Parameters:{ServiceNames.Parameters.DifyContractKey}={TestKeys.DifyContractKey}",
            $"--Parameters:{ServiceNames.Parameters.DifyOrderKey}={TestKeys.DifyOrderKey}",
            $"--Parameters:{ServiceNames.Parameters.ErpApiKey}={TestKeys.ErpApiKey}",
        ]);
        builder.Services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());
        // The testing builder runs no dashboard but still hands every service its OTLP endpoint (microsoft/aspire#3349):
        // the services then spend CPU exporting to nowhere and, on stop, wait for the exporter's flush to time out.
        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            builder.CreateResourceBuilder(project).WithEnvironment(context => context.EnvironmentVariables.Remove("OTEL_EXPORTER_OTLP_ENDPOINT"));
        }
        _app = await builder.BuildAsync();
        _watch = new CancellationTokenSource();
        _ = RecordProcessIdsAsync(_app, _watch.Token);
        using var timeout = new CancellationTokenSource(StartTimeout);
        await _app.StartAsync(timeout.Token);
        foreach (var service in Services)
        {
            await _app.ResourceNotifications.WaitForResourceHealthyAsync(service, timeout.Token);
        }
        StartDuration = started.Elapsed;
    }

    public HttpClient CreateClient(string service, bool authenticated = true)
    {
        var client = App.CreateHttpClient(service, "http");
        if (authenticated)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", TestKeys.ApiKey);
        }
        return client;
    }

    /// <summary>The stand-ins' <c>/_mock/</c> API (loopback only, no key).</summary>
    public MocksAdmin CreateMocksAdmin() => new(App.CreateHttpClient(ServiceNames.Mocks, ServiceNames.MockEndpoints.Http));

    public RunsApi CreateRunsApi() => new(CreateClient(ServiceNames.Orchestrator));

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            try
            {
                using var timeout = new CancellationTokenSource(StopTimeout);
                await _app.StopAsync(timeout.Token);
                await _app.DisposeAsync().AsTask().WaitAsync(StopTimeout);
            }
            catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
            {
                // DCP did not stop everything in time: end what this AppHost started so nothing outlives the tests.
                KillRecordedProcesses();
            }
        }
        _watch?.Cancel();
        try
        {
            Directory.Delete(_dataRoot, recursive: true);
        }
        catch (IOException)
        {
            // A server may still be flushing; the test script removes its test root at the end.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private void KillRecordedProcesses()
    {
        foreach (var pid in ProcessIds)
        {
            ResourceControl.KillTree(pid);
        }
    }

    private async Task RecordProcessIdsAsync(DistributedApplication app, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var update in app.ResourceNotifications.WatchAsync(cancellationToken))
            {
                var pid = update.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value;
                if (pid is not null && int.TryParse(pid.ToString(), out var id) && id > 0)
                {
                    lock (_pids)
                    {
                        _pids.Add(id);
                        _currentPids[update.Resource.Name] = id;
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
